'use strict';
// k8s/base/<service>/ against the registry. Like the compose blocks, a service's folder is written
// once from templates and then hand-tuned (resources, HPA, PDB), so it is checked, not regenerated.
const { secretsOf } = require('./registry.cjs');
const { extraSecrets } = require('./templates/common.cjs');
const { devSecretGenerator } = require('./templates/compose.cjs');
const { k8sFolder, SERVICE_FILES } = require('./templates/k8s.cjs');

const BASE = 'k8s/base';
const DEV = 'k8s/overlays/dev/kustomization.yaml';

const docsOf = (parsed, file, kind) => (parsed(file) ?? []).filter((doc) => doc?.kind === kind);

function checkDeployment(s, parsed) {
  const file = `${BASE}/${s.name}/deployment.yaml`;
  const deployment = docsOf(parsed, file, 'Deployment').find((doc) => doc.metadata?.name === s.name);
  if (!deployment) return [`${file}: no Deployment named ${s.name}`];
  const errors = [];
  const pod = deployment.spec?.template ?? {};
  const container = (pod.spec?.containers ?? []).find((c) => c.image === `irp/${s.name}`);
  if (!container) return [`${file}: no container runs image irp/${s.name}`];
  const port = (name) => (container.ports ?? []).find((p) => p.name === name)?.containerPort;
  if (port('ops') !== s.opsPort) errors.push(`${file}: container port "ops" is ${port('ops')}, the registry says ${s.opsPort}`);
  if (s.ingress && !port('http')) errors.push(`${file}: ${s.name} takes ingress but has no container port "http"`);
  const annotation = pod.metadata?.annotations?.['prometheus.io/port'];
  if (annotation !== String(s.opsPort)) errors.push(`${file}: prometheus.io/port is ${annotation}, the registry says ${s.opsPort}`);
  const env = new Map((container.env ?? []).map((e) => [e.name, e]));
  if (env.get('OPS_PORT')?.value !== String(s.opsPort)) errors.push(`${file}: OPS_PORT is ${env.get('OPS_PORT')?.value}, the registry says ${s.opsPort}`);
  for (const variable of s.env.filter((e) => !e.optional)) {
    if (!env.has(variable.name)) errors.push(`${file}: env lacks ${variable.name}, which the registry lists as required`);
  }
  for (const variable of extraSecrets(s)) {
    const ref = env.get(variable.name)?.valueFrom?.secretKeyRef;
    if (env.has(variable.name) && ref?.name !== `${s.name}-secrets`) errors.push(`${file}: ${variable.name} is a secret, so comes from the Secret ${s.name}-secrets`);
  }
  for (const ref of JSON.stringify(container.env ?? []).matchAll(/"secretKeyRef":\{"name":"([^"]+)"/g)) {
    if (ref[1] !== `${s.name}-secrets`) errors.push(`${file}: reads the Secret ${ref[1]}; a service reads only its own (${s.name}-secrets)`);
  }
  return errors;
}

function checkFolder(s, parsed, exists) {
  const dir = `${BASE}/${s.name}`;
  if (!exists(`${dir}/kustomization.yaml`)) return [`${dir}/: missing for registered service ${s.name} (npm run registry:sync writes it)`];
  const errors = [];
  const resources = parsed(`${dir}/kustomization.yaml`)?.[0]?.resources ?? [];
  for (const file of [...SERVICE_FILES, ...(s.schema ? ['migrate-job.yaml'] : [])]) {
    if (!resources.includes(file)) errors.push(`${dir}/kustomization.yaml: does not list ${file}`);
  }
  if (!s.schema && resources.includes('migrate-job.yaml')) errors.push(`${dir}/kustomization.yaml: lists migrate-job.yaml, but ${s.name} owns no schema`);
  errors.push(...checkDeployment(s, parsed));
  const service = docsOf(parsed, `${dir}/service.yaml`, 'Service').find((doc) => doc.metadata?.name === s.name);
  const opsPort = service?.spec?.ports?.find((p) => p.name === 'ops')?.port;
  if (opsPort !== s.opsPort) errors.push(`${dir}/service.yaml: Service ${s.name} port "ops" is ${opsPort}, the registry says ${s.opsPort}`);
  if (s.schema) {
    const job = docsOf(parsed, `${dir}/migrate-job.yaml`, 'Job').find((doc) => doc.metadata?.name === `${s.name}-migrate`);
    const command = JSON.stringify(job?.spec?.template?.spec?.containers ?? []);
    if (!job || !command.includes(`dist/apps/${s.name}/src/migrate.js`) || !command.includes(`"image":"irp/${s.name}"`)) {
      errors.push(`${dir}/migrate-job.yaml: no Job ${s.name}-migrate running irp/${s.name}'s migrate.js`);
    }
  }
  return errors;
}

/** The keys a service's Secret must hold: the database role, then its own secrets. */
function secretKeys(s) {
  return [...(s.schema ? ['DATABASE_USER', 'DATABASE_PASSWORD'] : []), ...extraSecrets(s).filter((e) => !e.optional).map((e) => e.name)];
}

function checkDevSecrets(registry, parsed) {
  const generators = parsed(DEV)?.[0]?.secretGenerator ?? [];
  return registry.services.filter((s) => secretsOf(s).length).flatMap((s) => {
    const generator = generators.find((g) => g.name === `${s.name}-secrets`);
    if (!generator) return [`${DEV}: no secretGenerator ${s.name}-secrets`];
    const keys = [...(generator.literals ?? []), ...(generator.files ?? [])].map((entry) => String(entry).split('=')[0]);
    return secretKeys(s).filter((key) => !keys.includes(key)).map((key) => `${DEV}: secretGenerator ${s.name}-secrets lacks ${key}`);
  });
}

/** Problems of k8s/ against the registry. `parsed(file)`: its YAML documents; `dirs`: folders under k8s/base. */
function checkK8s(registry, { parsed, exists, dirs }) {
  const registered = new Set(registry.services.map((s) => s.name));
  return [
    ...registry.services.flatMap((s) => checkFolder(s, parsed, exists)),
    ...dirs.filter((dir) => !registered.has(dir)).map((dir) => `${BASE}/${dir}/: not a registered service`),
    ...checkDevSecrets(registry, parsed),
  ];
}

/** Files to write: the folder of each registered service that has none. */
function scaffoldK8s(registry, exists) {
  return registry.services
    .filter((s) => !exists(`${BASE}/${s.name}/kustomization.yaml`))
    .flatMap((s) => Object.entries(k8sFolder(s)).map(([name, content]) => ({ file: `${BASE}/${s.name}/${name}`, content })));
}

/** The dev overlay with a secretGenerator for each service that has secrets and none there yet. */
function scaffoldDevSecrets(text, registry, parsed) {
  const generators = new Set((parsed(DEV)?.[0]?.secretGenerator ?? []).map((g) => g.name));
  const missing = registry.services.filter((s) => s.schema && !generators.has(`${s.name}-secrets`));
  if (!missing.length) return text;
  const anchor = /^ {2}- name: postgres-dev\n/m.exec(text) ?? /^secretGenerator:\n/m.exec(text);
  if (!anchor) throw new Error(`${DEV}: no secretGenerator list to add ${missing.map((s) => s.name).join(', ')}'s Secret to`);
  const at = anchor[0].startsWith('secretGenerator') ? anchor.index + anchor[0].length : anchor.index;
  return text.slice(0, at) + missing.map(devSecretGenerator).join('') + text.slice(at);
}

module.exports = { K8S_BASE: BASE, DEV_OVERLAY: DEV, checkK8s, scaffoldK8s, scaffoldDevSecrets, secretKeys };
