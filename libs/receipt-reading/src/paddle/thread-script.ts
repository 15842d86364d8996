import path from 'node:path';

/**
 * The source of a worker thread (run with `eval: true`) that loads a module of this library. Built, the module is JavaScript; when tests
 * run the TypeScript sources, the thread compiles them with SWC (a dev dependency) as jest does.
 */
export function threadScript(modulePath: string): string {
  const typescript = path.extname(modulePath) === '.ts';
  return `
    const { createRequire } = require('node:module');
    const load = createRequire(${JSON.stringify(modulePath)});
    if (${typescript}) {
      const Module = require('node:module');
      const { readFileSync } = require('node:fs');
      const { transformSync } = load('@swc/core');
      Module._extensions['.ts'] = (module, filename) => {
        const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } };
        module._compile(transformSync(readFileSync(filename, 'utf8'), options).code, filename);
      };
    }
    load(${JSON.stringify(modulePath)});
  `;
}
