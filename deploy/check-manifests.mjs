#!/usr/bin/env node
// Static checks of the deployment files, for machines without Docker, kustomize or a cluster:
//   node deploy/check-manifests.mjs
// - every YAML file in deploy/, k8s/ and docker-compose.yml parses (multi-document too);
// - every kustomization.yaml references only files and folders that exist (a missing file that
//   is gitignored on purpose, like the dev signing key, is reported but not an error);
// - each overlay's patches name a resource that the overlay includes, and the ConfigMaps and
//   Secrets the workloads reference are generated, included, or listed as created out of band;
// - compose's depends_on and Prometheus' scrape targets name existing services and ops ports.
// What follows the registry of services (names, ports, secrets) is checked by `npm run registry:check`.
// It does not run kustomize: generator hashing, transformers and schema validity are unchecked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml');

const { loadRegistry, secretsOf } = require('./libs/service-registry/tool/registry.cjs');

/** Secrets created outside kustomize (`kubectl create secret`), per overlay: in prod, each registered service's own and the Ingress' TLS. */
const serviceSecrets = loadRegistry(root).services.filter((service) => secretsOf(service).length).map((service) => `${service.name}-secrets`);
const OUT_OF_BAND_SECRETS = { 'k8s/overlays/prod': [...serviceSecrets, 'gateway-tls'] };

const errors = [];
const notes = [];
const rel = (file) => path.relative(root, file);

function yamlFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

// Kubernetes (sigs.k8s.io/yaml) and compose read YAML 1.1: merge keys (`<<: *anchor`) apply and
// yes/no/on/off are booleans. Parse that way, and flag values that YAML 1.2 would read otherwise.
function parse(file) {
  try {
    const text = readFileSync(file, 'utf8');
    const docs = yaml.loadAll(text, { schema: yaml.YAML11_SCHEMA }).filter((doc) => doc != null);
    if (!text.includes('<<:') && JSON.stringify(docs) !== JSON.stringify(yaml.loadAll(text).filter((doc) => doc != null))) {
      errors.push(`${rel(file)}: some value reads differently as YAML 1.1 and 1.2 (an unquoted yes/no/on/off, 0777, ...); quote it`);
    }
    return docs;
  } catch (error) {
    errors.push(`${rel(file)}: ${error.message.split('\n')[0]}`);
    return [];
  }
}

// ---- 1. every YAML file parses ----------------------------------------------------------------
const files = [...yamlFiles(path.join(root, 'deploy')), ...yamlFiles(path.join(root, 'k8s')), path.join(root, 'docker-compose.yml')];
const parsed = new Map(files.map((file) => [file, parse(file)]));

// ---- 2. kustomizations: references exist; collect what each one builds ------------------------
function isGitignored(file) {
  // Only the .gitignore files under k8s/ matter here (simple `/dir/` and `*.ext` patterns).
  for (let dir = path.dirname(file); dir.startsWith(path.join(root, 'k8s')); dir = path.dirname(dir)) {
    const ignore = path.join(dir, '.gitignore');
    if (!existsSync(ignore)) continue;
    const relative = path.relative(dir, file);
    for (const line of readFileSync(ignore, 'utf8').split('\n').map((l) => l.trim())) {
      if (!line || line.startsWith('#')) continue;
      const pattern = line.replace(/^\//, '').replace(/\/$/, '');
      if (relative === pattern || relative.startsWith(`${pattern}/`)) return true;
      if (pattern.startsWith('*.') && relative.endsWith(pattern.slice(1))) return true;
    }
  }
  return false;
}

function fileOf(source) {
  // configMapGenerator/secretGenerator `files` entries may be `KEY=path`.
  return source.includes('=') ? source.slice(source.indexOf('=') + 1) : source;
}

/** Builds a summary of a kustomization: its resource documents and generated names. */
function load(dir, seen = new Set()) {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => path.join(dir, name)).find(existsSync);
  if (!file) {
    errors.push(`${rel(dir)}: referenced as a kustomization but has no kustomization.yaml`);
    return { docs: [], configMaps: new Set(), secrets: new Set() };
  }
  if (seen.has(file)) throw new Error(`cycle through ${rel(file)}`);
  seen.add(file);
  const k = parsed.get(file)?.[0] ?? {};
  const out = { docs: [], configMaps: new Set(), secrets: new Set() };
  const need = (ref, what) => {
    const target = path.resolve(dir, ref);
    if (existsSync(target)) return target;
    if (isGitignored(target)) notes.push(`${rel(file)}: ${what} ${ref} is missing (gitignored; create it before building this overlay)`);
    else errors.push(`${rel(file)}: ${what} ${ref} does not exist`);
    return undefined;
  };
  for (const resource of k.resources ?? []) {
    const target = need(resource, 'resource');
    if (!target) continue;
    if (statSync(target).isDirectory()) {
      const sub = load(target, seen);
      out.docs.push(...sub.docs);
      sub.configMaps.forEach((name) => out.configMaps.add(name));
      sub.secrets.forEach((name) => out.secrets.add(name));
    } else {
      out.docs.push(...(parsed.get(target) ?? parse(target)).map((doc) => ({ doc, from: rel(target) })));
    }
  }
  const patches = [...(k.patches ?? []), ...(k.patchesStrategicMerge ?? []).map((p) => ({ path: p }))];
  for (const patch of patches) {
    const inline = () => yaml.loadAll(patch.patch, { schema: yaml.YAML11_SCHEMA });
    const docs = patch.path ? (need(patch.path, 'patch') ? parse(path.resolve(dir, patch.path)) : []) : patch.patch ? inline() : [];
    for (const p of docs.filter(Boolean)) {
      const kind = patch.target?.kind ?? p.kind;
      const name = patch.target?.name ?? p.metadata?.name;
      const found = out.docs.some(({ doc }) => doc.kind === kind && doc.metadata?.name === name);
      if (!found) errors.push(`${rel(file)}: patch targets ${kind}/${name}, which is not among its resources`);
    }
  }
  for (const [key, set] of [['configMapGenerator', out.configMaps], ['secretGenerator', out.secrets]]) {
    for (const generator of k[key] ?? []) {
      for (const source of [...(generator.files ?? []), ...(generator.envs ?? [])]) need(fileOf(source), `${key} file`);
      if (generator.behavior === 'merge' && !set.has(generator.name)) errors.push(`${rel(file)}: ${key} ${generator.name} merges into nothing`);
      set.add(generator.name);
    }
  }
  for (const image of k.images ?? []) {
    const used = out.docs.some(({ doc }) => JSON.stringify(doc).includes(`"image":"${image.name}`));
    if (!used) errors.push(`${rel(file)}: images: ${image.name} is used by no container`);
  }
  for (const replica of k.replicas ?? []) {
    if (!out.docs.some(({ doc }) => doc.metadata?.name === replica.name && /Deployment|StatefulSet/.test(doc.kind))) errors.push(`${rel(file)}: replicas: no workload ${replica.name}`);
  }
  return out;
}

function refs(node, found = { configMaps: new Set(), secrets: new Set() }) {
  if (Array.isArray(node)) node.forEach((item) => refs(item, found));
  else if (node && typeof node === 'object') {
    if (node.configMapRef?.name) found.configMaps.add(node.configMapRef.name);
    if (node.configMapKeyRef?.name) found.configMaps.add(node.configMapKeyRef.name);
    if (node.secretRef?.name) found.secrets.add(node.secretRef.name);
    if (node.secretKeyRef?.name) found.secrets.add(node.secretKeyRef.name);
    if (node.secretName) found.secrets.add(node.secretName);
    Object.values(node).forEach((value) => refs(value, found));
  }
  return found;
}

const overlays = path.join(root, 'k8s/overlays');
for (const overlay of existsSync(overlays) ? readdirSync(overlays) : []) {
  const dir = path.join(overlays, overlay);
  const built = load(dir);
  const ids = new Set();
  for (const { doc, from } of built.docs) {
    if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) errors.push(`${from}: a document lacks apiVersion, kind or metadata.name`);
    const id = `${doc.kind}/${doc.metadata?.name}`;
    if (ids.has(id)) errors.push(`${rel(dir)}: ${id} appears twice`);
    ids.add(id);
  }
  const used = refs(built.docs.map(({ doc }) => doc));
  const outOfBand = OUT_OF_BAND_SECRETS[rel(dir)] ?? [];
  const defined = (kind, name) => built.docs.some(({ doc }) => doc.kind === kind && doc.metadata?.name === name);
  for (const name of used.configMaps) {
    if (!built.configMaps.has(name) && !defined('ConfigMap', name)) errors.push(`${rel(dir)}: ConfigMap ${name} is referenced but not defined`);
  }
  for (const name of used.secrets) {
    if (built.secrets.has(name) || defined('Secret', name)) continue;
    if (outOfBand.includes(name)) notes.push(`${rel(dir)}: Secret ${name} must be created out of band`);
    else errors.push(`${rel(dir)}: Secret ${name} is referenced but neither generated nor listed as out of band`);
  }
  console.log(`${rel(dir)}: ${built.docs.length} resources (${[...ids].join(', ')}), generated ${[...built.configMaps, ...built.secrets].join(', ')}`);
}

// ---- 3. compose and Prometheus agree ----------------------------------------------------------
const compose = parsed.get(path.join(root, 'docker-compose.yml'))?.[0];
if (compose) {
  const services = compose.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    for (const dependency of Object.keys(service.depends_on ?? {})) {
      if (!services[dependency]) errors.push(`docker-compose.yml: ${name} depends on unknown service ${dependency}`);
    }
    for (const volume of service.volumes ?? []) {
      const source = String(volume).split(':')[0];
      if (source.startsWith('.') && !existsSync(path.resolve(root, source))) errors.push(`docker-compose.yml: ${name} mounts missing ${source}`);
    }
  }
  const prometheus = parsed.get(path.join(root, 'deploy/prometheus/prometheus.yml'))?.[0];
  for (const job of prometheus?.scrape_configs ?? []) {
    for (const target of job.static_configs?.flatMap((c) => c.targets) ?? []) {
      const [host, port] = target.split(':');
      if (host === 'localhost') continue;
      const opsPort = services[host]?.environment?.OPS_PORT;
      if (!services[host]) errors.push(`prometheus.yml: job ${job.job_name} scrapes unknown compose service ${host}`);
      else if (String(opsPort) !== port) errors.push(`prometheus.yml: job ${job.job_name} scrapes ${target}, but ${host} has OPS_PORT ${opsPort}`);
    }
  }
}

for (const note of notes) console.log(`note: ${note}`);
for (const error of errors) console.error(`error: ${error}`);
console.log(`${files.length} YAML files parsed; ${errors.length} error(s)`);
process.exitCode = errors.length ? 1 : 0;
