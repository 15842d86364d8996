// Compiles one project's src/ (TypeScript, Nest decorators with metadata) to CommonJS under dist/,
// rewriting the @irp/* path aliases to relative requires so the output runs on plain Node.
import { transformFile } from '@swc/core';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: build.mjs <projectRoot>');
  process.exit(2);
}

const swcrc = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));
const options = {
  ...swcrc,
  swcrc: false,
  jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
};

const outDir = path.join(root, 'dist', projectRoot);
await rm(outDir, { recursive: true, force: true });

let count = 0;
for await (const file of glob(`${projectRoot}/src/**/*.ts`, { cwd: root })) {
  if (file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
  const source = path.join(root, file);
  const target = path.join(root, 'dist', file).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(source, { ...options, filename: source, sourceFileName: path.relative(path.dirname(target), source) });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) await writeFile(`${target}.map`, map);
  count++;
}
console.log(`built ${count} files of ${projectRoot} into ${path.relative(root, outDir)}`);
