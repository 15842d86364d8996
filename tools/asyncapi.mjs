// `npm run asyncapi`: writes the AsyncAPI document generated from libs/contracts to
// libs/contracts/asyncapi.json (committed; a contracts test fails when it is out of date).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { buildAsyncApiDocument } = createRequire(import.meta.url)(path.join(root, 'dist/libs/contracts/src/index.js'));
const target = path.join(root, 'libs/contracts/asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
