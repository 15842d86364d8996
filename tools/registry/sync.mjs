#!/usr/bin/env node
// The registry of services (libs/service-registry/src/services.json) and the files that follow it:
//   npm run registry:sync    rewrites the generated parts, scaffolds a newly registered service's
//                            compose blocks and k8s folder, then reports what still disagrees
//   npm run registry:check   changes nothing; fails listing what is stale or inconsistent (CI)
// Imported, it offers the same as functions (the service generator calls addService, and
// removeService to undo a throwaway one).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import registryTool from '../../libs/service-registry/tool/index.cjs';

export const { addService, removeService, checkTree, syncTree } = registryTool;

const root = path.resolve(import.meta.dirname, '../..');

function main() {
  if (process.argv.includes('--check')) {
    const errors = checkTree(root);
    for (const error of errors) console.error(`error: ${error}`);
    console.log(errors.length ? `registry check: ${errors.length} problem(s)` : 'registry check: every file agrees with the registry');
    process.exitCode = errors.length ? 1 : 0;
    return;
  }
  const { written, errors } = syncTree(root);
  for (const file of written) console.log(`wrote ${file}`);
  for (const error of errors) console.error(`error: ${error}`);
  console.log(`registry sync: ${written.length} file(s) written, ${errors.length} problem(s) left to fix by hand`);
  process.exitCode = errors.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
