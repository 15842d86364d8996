'use strict';
// Unregisters a service and deletes what registering it wrote: its compose blocks, its k8s folder
// and dev Secret generator; a sync then drops it from the generated lists. The generator's round
// trip (generate a throwaway service, prove it works, remove it) leaves the tree as it found it.
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { REGISTRY_FILE, loadRegistry } = require('./registry.cjs');
const { COMPOSE_FILE } = require('./compose.cjs');
const { DEV_OVERLAY, K8S_BASE } = require('./k8s.cjs');
const { syncTree } = require('./sync.cjs');

/** The text without the top-level-indented (two spaces) compose block `key:` and the comment lines right above it. */
function withoutComposeBlock(text, key) {
  const lines = text.split('\n');
  const at = lines.indexOf(`  ${key}:`);
  if (at < 0) return text;
  let start = at;
  while (start > 0 && /^ {2}#/.test(lines[start - 1])) start--;
  let end = at + 1;
  while (end < lines.length && !/^ {0,2}\S/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function withoutCompose(text, name) {
  const anchor = new RegExp(`^x-${name}-build: &${name}-build\\n(?: .*\\n)*\\n?`, 'm');
  return withoutComposeBlock(withoutComposeBlock(text.replace(anchor, ''), `${name}-migrate`), name);
}

function withoutDevSecret(text, name) {
  return text.replace(new RegExp(`^ {2}- name: ${name}-secrets\\n(?: {4,}.*\\n)*`, 'm'), '');
}

function rewrite(root, file, change) {
  const full = path.join(root, file);
  if (existsSync(full)) writeFileSync(full, change(readFileSync(full, 'utf8')));
}

/** Removes `name` from the registry and its deployment files, then syncs. Throws when it is not registered. */
function removeService(root, name) {
  const registry = loadRegistry(root);
  if (!registry.services.some((s) => s.name === name)) throw new Error(`${REGISTRY_FILE}: ${name} is not registered`);
  const next = { ...registry, services: registry.services.filter((s) => s.name !== name) };
  writeFileSync(path.join(root, REGISTRY_FILE), `${JSON.stringify(next, null, 2)}\n`);
  rewrite(root, COMPOSE_FILE, (text) => withoutCompose(text, name));
  rewrite(root, DEV_OVERLAY, (text) => withoutDevSecret(text, name));
  rmSync(path.join(root, K8S_BASE, name), { recursive: true, force: true });
  return syncTree(root);
}

module.exports = { removeService };
