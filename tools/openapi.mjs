// `npm run openapi`: writes the gateway's OpenAPI document (built from the controllers and the
// libs/contracts DTOs, without starting anything) to apps/gateway/openapi.json (committed; the
// linters and the SDK generator read it, and a gateway test fails when it is out of date).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.argv[2] ?? 'apps/gateway/openapi.json');
const { openApiDocumentOffline } = createRequire(import.meta.url)(path.join(root, 'dist/apps/gateway/src/openapi-offline.js'));
const document = await openApiDocumentOffline();
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
