// `npm run sdk`: the TypeScript client of the REST API, generated from apps/gateway/openapi.json
// (itself generated from the gateway and libs/contracts by `npm run openapi`). SDK_OUTPUT lets the
// staleness check generate into a temporary directory.
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: 'apps/gateway/openapi.json',
  // Extensionless imports: the workspace compiles to CommonJS (SWC, jest), where `./x.js` would not find `./x.ts`.
  output: { path: process.env.SDK_OUTPUT ?? 'libs/sdk/src/generated', module: { extension: null } },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
