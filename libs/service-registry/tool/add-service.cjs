'use strict';
// Registers a new service (the service generator calls this): one entry in the registry, then a
// sync writes everything that follows from it.
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const { REGISTRY_FILE, loadRegistry, validateRegistry } = require('./registry.cjs');
const { syncTree } = require('./sync.cjs');

const FIRST_OPS_PORT = 9100;

/** The port reserved for `name`, else the lowest one from 9100 up that is neither used nor reserved. */
function nextOpsPort(registry, name) {
  const reserved = registry.reservedOpsPorts ?? {};
  if (reserved[name] !== undefined) return reserved[name];
  const taken = new Set([...registry.services.map((s) => s.opsPort), ...Object.values(reserved)]);
  let port = FIRST_OPS_PORT;
  while (taken.has(port)) port++;
  return port;
}

function writeRegistry(root, registry) {
  writeFileSync(path.join(root, REGISTRY_FILE), `${JSON.stringify(registry, null, 2)}\n`);
}

/**
 * Adds `{ name, schema, opsPort?, streams?, env? }` to the registry, before the services taking
 * ingress (start order), and syncs. A service with a schema gets DATABASE_URL; `env` adds more.
 * Throws, changing nothing, when the entry is invalid or clashes (name, port, schema, stream).
 * Returns the entry, the files written and what the check still reports.
 */
function addService(root, { name, schema = null, opsPort, streams = [], env = [] }) {
  const registry = loadRegistry(root);
  if (registry.services.some((s) => s.name === name)) throw new Error(`${REGISTRY_FILE}: ${name} is already registered`);
  const service = {
    name,
    schema,
    opsPort: opsPort ?? nextOpsPort(registry, name),
    streams,
    ingress: false,
    // Every service connects to NATS as itself (its permissions come from its contracts).
    env: [
      ...(schema ? [{ name: 'DATABASE_URL', secret: true }] : []),
      { name: 'NATS_USER' },
      { name: 'NATS_PASSWORD', secret: true },
      ...env.filter((e) => !['DATABASE_URL', 'NATS_USER', 'NATS_PASSWORD'].includes(e.name)),
    ],
  };
  const firstIngress = registry.services.findIndex((s) => s.ingress);
  const at = firstIngress < 0 ? registry.services.length : firstIngress;
  const next = { ...registry, services: [...registry.services.slice(0, at), service, ...registry.services.slice(at)] };
  const errors = validateRegistry(next);
  if (errors.length) throw new Error(`cannot register ${name}:\n${errors.join('\n')}`);
  writeRegistry(root, next);
  return { service, ...syncTree(root) };
}

module.exports = { addService, nextOpsPort };
