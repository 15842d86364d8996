'use strict';
// Brings the workspace in line with the registry of services (`npm run registry:sync`) or reports
// where it is not (`npm run registry:check`): generated lists and files are rewritten, a newly
// registered service gets its compose blocks and k8s folder from templates, and everything
// hand-tuned is checked against the registry (names, ports, secrets, migrations).
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { REGISTRY_FILE, loadRegistry, validateRegistry } = require('./registry.cjs');
const { targets, unregisteredInLists, unregisteredScrapes } = require('./generated.cjs');
const { COMPOSE_FILE, checkCompose, scaffoldCompose } = require('./compose.cjs');
const { DEV_OVERLAY, K8S_BASE, checkK8s, scaffoldDevSecrets, scaffoldK8s } = require('./k8s.cjs');

const yaml = createRequire(__filename)('js-yaml');
// Kubernetes and compose read YAML 1.1 (merge keys `<<: *anchor`), as tools/deploy-check does.
const parseYaml = (text) => yaml.loadAll(text, { schema: yaml.YAML11_SCHEMA }).filter((doc) => doc != null);

/** Reads files of a tree under `root`, optionally seeing pending writes first. */
function tree(root, pending = new Map()) {
  const read = (file) => pending.get(file) ?? (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined);
  const parsed = (file) => {
    const text = read(file);
    return text === undefined ? undefined : parseYaml(text);
  };
  const exists = (file) => pending.has(file) || existsSync(path.join(root, file));
  const base = path.join(root, K8S_BASE);
  const dirs = existsSync(base) ? readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  return { read, parsed, exists, dirs };
}

/** What sync would write: { registry, errors, changes: Map<file, content> }. */
function planSync(root) {
  const registry = loadRegistry(root);
  const errors = validateRegistry(registry);
  const changes = new Map();
  if (errors.length) return { registry, errors, changes };
  const files = tree(root, changes);
  const update = (file, render) => {
    try {
      const next = render(files.read(file));
      if (next !== files.read(file) || !files.exists(file)) changes.set(file, next);
    } catch (error) {
      errors.push(`${file}: ${error.message}`);
    }
  };
  for (const target of targets()) update(target.file, (text) => target.render(text, registry.services));
  update(COMPOSE_FILE, (text) => scaffoldCompose(text, parseYaml(text)[0], registry));
  update(DEV_OVERLAY, (text) => scaffoldDevSecrets(text, registry, files.parsed));
  for (const { file, content } of scaffoldK8s(registry, files.exists)) changes.set(file, content);
  return { registry, errors, changes };
}

/** Problems of the tree (as it is on disk plus `pending` writes) against the registry. */
function consistencyErrors(root, registry, pending) {
  const files = tree(root, pending);
  const compose = files.parsed(COMPOSE_FILE)?.[0];
  return [
    ...(compose ? checkCompose(compose, registry) : [`${COMPOSE_FILE}: missing`]),
    ...checkK8s(registry, files),
    ...unregisteredInLists(files.read, registry.services),
    ...unregisteredScrapes(files.parsed('deploy/prometheus/prometheus.yml')?.[0], registry.services),
  ];
}

/** `registry:check`: every problem, and every file sync would change. Empty when all agree. */
function checkTree(root) {
  const { registry, errors, changes } = planSync(root);
  if (errors.length) return errors;
  return [...consistencyErrors(root, registry), ...[...changes.keys()].map((file) => `${file}: out of date with ${REGISTRY_FILE} (run npm run registry:sync)`)];
}

/** `registry:sync`: writes what planSync found, then returns what is still wrong (to fix by hand). */
function syncTree(root) {
  const { registry, errors, changes } = planSync(root);
  if (errors.length) return { written: [], errors };
  for (const [file, content] of changes) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return { written: [...changes.keys()], errors: consistencyErrors(root, registry) };
}

module.exports = { planSync, checkTree, syncTree, consistencyErrors };
