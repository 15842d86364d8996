'use strict';
// The registry tool's API, for scripts (the service generator) and tests; the CLI is
// tools/registry/sync.mjs (npm run registry:sync / registry:check).
const { loadRegistry, validateRegistry, REGISTRY_FILE } = require('./registry.cjs');
const { checkTree, planSync, syncTree } = require('./sync.cjs');
const { addService, nextOpsPort } = require('./add-service.cjs');
const { removeService } = require('./remove-service.cjs');

module.exports = { REGISTRY_FILE, loadRegistry, validateRegistry, checkTree, planSync, syncTree, addService, nextOpsPort, removeService };
