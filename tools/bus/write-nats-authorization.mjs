#!/usr/bin/env node
// `npm run nats:authorization`: writes the NATS users and permissions derived from the contracts
// into the deployments' nats-server configuration (compose and the dev Kubernetes overlay).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const { deploymentAuthorizationConfig } = createRequire(import.meta.url)(path.join(root, 'dist/libs/contracts/src/index.js'));
for (const file of ['deploy/nats/authorization.conf', 'k8s/overlays/dev/authorization.conf']) {
  writeFileSync(path.join(root, file), deploymentAuthorizationConfig());
  console.log(`wrote ${file}`);
}
