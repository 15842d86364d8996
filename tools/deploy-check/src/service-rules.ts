import type { RegisteredService } from '@irp/service-registry';
import { referencesOf, resolveEnv, type EnvSource } from './env-resolution';
import { podTemplateOf, type Container, type K8sObject, type LabelSelector } from './k8s-types';

// What the registry of services (libs/service-registry/src/services.json) says each service's
// rendered objects must be: its image and ports, every variable its configuration requires (and
// secrets only from its own Secret), probes on the terminus endpoints of its ops port, its
// Service, migration Job, PodDisruptionBudget and NetworkPolicy.

/** A rendered name is the written one, or that with kustomize's content hash (generated ConfigMaps and Secrets). */
const sameName = (rendered: string, written: string) => rendered === written || new RegExp(`^${written}-[a-z0-9]{10}$`).test(rendered);

/** The image names irp/<name>, whatever registry and tag an overlay gives it. */
const imageOf = (name: string) => new RegExp(`(^|/)irp/${name}(:[\\w.-]+|@sha256:[a-f0-9]{64})?$`);

export const selects = (selector: LabelSelector | undefined, labels: Record<string, string> = {}) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (selector?.matchExpressions ?? []).every((e) => (e.operator === 'In' ? (e.values ?? []).includes(labels[e.key]) : e.operator === 'Exists' ? e.key in labels : true));

const find = (objects: readonly K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

function envErrors(s: RegisteredService, at: string, container: Container, objects: readonly K8sObject[], required: readonly { name: string; secret?: boolean; optional?: boolean }[]): string[] {
  const { vars, unresolved } = resolveEnv(container, objects);
  const errors = unresolved.map((message) => `${at}: ${message}`);
  const fromSecret = (source: EnvSource | undefined): boolean =>
    source?.kind === 'secretKeyRef' || source?.kind === 'secret' || (source?.kind === 'value' && referencesOf(source.value).some((name) => fromSecret(vars.get(name))));
  for (const variable of required) {
    const source = vars.get(variable.name);
    if (!source && !variable.optional) errors.push(`${at}: ${variable.name} is not set (the registry lists it as required)`);
    else if (source && (source.kind === 'value' || source.kind === 'configMap') && !source.value && !variable.optional) errors.push(`${at}: ${variable.name} is empty`);
    if (source && variable.secret && !fromSecret(source)) errors.push(`${at}: ${variable.name} is a secret but is written in the manifest, not read from a Secret`);
  }
  for (const [name, source] of vars) {
    if (source.kind !== 'secretKeyRef') continue;
    if (!sameName(source.secret, `${s.name}-secrets`)) errors.push(`${at}: ${name} reads the Secret ${source.secret}; a service reads only its own (${s.name}-secrets)`);
    const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === source.secret);
    if (secret && !source.optional && !(source.key in (secret.data ?? {}))) errors.push(`${at}: ${name} reads key ${source.key}, which the Secret ${source.secret} lacks`);
  }
  return errors;
}

function httpProbeErrors(at: string, container: Container): string[] {
  const probes = { livenessProbe: '/health/live', readinessProbe: '/health/ready' } as const;
  return Object.entries(probes).flatMap(([probe, path]) => {
    const get = container[probe as keyof typeof probes]?.httpGet;
    return get?.path === path && (get.port === 'ops' || get.port === container.ports?.find((p) => p.name === 'ops')?.containerPort) ? [] : [`${at}: ${probe} is not GET ${path} on the ops port`];
  });
}

function deploymentErrors(s: RegisteredService, objects: readonly K8sObject[]): string[] {
  const deployment = find(objects, 'Deployment', s.name);
  if (!deployment) return [`Deployment/${s.name}: missing for registered service ${s.name}`];
  const pod = podTemplateOf(deployment);
  const container = pod?.spec.containers.find((c) => c.name === s.name);
  if (!container) return [`Deployment/${s.name}: no container named ${s.name}`];
  const at = `Deployment/${s.name} container ${s.name}`;
  const errors: string[] = [];
  if (!imageOf(s.name).test(container.image ?? '')) errors.push(`${at}: image ${container.image} is not irp/${s.name}`);
  const port = (name: string) => container.ports?.find((p) => p.name === name)?.containerPort;
  if (port('ops') !== s.opsPort) errors.push(`${at}: port "ops" is ${port('ops')}, the registry says ${s.opsPort}`);
  const { vars } = resolveEnv(container, objects);
  const value = (name: string) => { const v = vars.get(name); return v?.kind === 'value' || v?.kind === 'configMap' ? v.value : undefined; };
  if (value('OPS_PORT') !== String(s.opsPort)) errors.push(`${at}: OPS_PORT is ${value('OPS_PORT')}, the registry says ${s.opsPort}`);
  if (value('NATS_USER') !== s.name) errors.push(`${at}: NATS_USER is ${value('NATS_USER')}, expected its own user ${s.name}`);
  if (s.ingress && value('PORT') !== String(port('http'))) errors.push(`${at}: PORT is ${value('PORT')}, but its port "http" is ${port('http')}`);
  if (!vars.has('NATS_URL') && !resolveEnv(container, objects).opaqueSecrets.length) errors.push(`${at}: NATS_URL is not set`);
  errors.push(...envErrors(s, at, container, objects, s.env), ...httpProbeErrors(at, container));
  return errors;
}

function migrationErrors(s: RegisteredService, objects: readonly K8sObject[]): string[] {
  const job = find(objects, 'Job', `${s.name}-migrate`);
  if (!s.schema) return job ? [`Job/${s.name}-migrate: ${s.name} owns no schema`] : [];
  const container = job && podTemplateOf(job)?.spec.containers[0];
  if (!container) return [`Job/${s.name}-migrate: missing, though ${s.name} owns schema ${s.schema}`];
  const at = `Job/${s.name}-migrate`;
  const deployment = find(objects, 'Deployment', s.name);
  const serviceImage = deployment ? podTemplateOf(deployment)?.spec.containers.find((c) => c.name === s.name)?.image : container.image;
  return [
    ...(container.image === serviceImage ? [] : [`${at}: image ${container.image} differs from the Deployment's ${serviceImage}`]),
    ...(container.command?.join(' ').includes(`dist/apps/${s.name}/src/migrate.js`) ? [] : [`${at}: does not run dist/apps/${s.name}/src/migrate.js`]),
    ...envErrors(s, at, container, objects, s.env.filter((e) => e.name === 'DATABASE_URL')),
  ];
}

function companionErrors(s: RegisteredService, objects: readonly K8sObject[]): string[] {
  const deployment = find(objects, 'Deployment', s.name);
  if (!deployment) return []; // reported by deploymentErrors
  const errors: string[] = [];
  const labels = podTemplateOf(deployment)?.metadata?.labels ?? {};
  const service = find(objects, 'Service', s.name);
  const ops = service?.spec?.ports?.find((p: { name?: string }) => p.name === 'ops');
  if (!ops || (ops.targetPort !== 'ops' && ops.targetPort !== s.opsPort)) errors.push(`Service/${s.name}: no port "ops" to the container's ops port`);
  else if (!selects({ matchLabels: service?.spec?.selector }, labels)) errors.push(`Service/${s.name}: its selector does not select the ${s.name} pods`);
  if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec?.selector, labels))) errors.push(`${s.name}: no PodDisruptionBudget selects its pods`);
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec?.podSelector ?? {}).length && selects(o.spec.podSelector, labels));
  if (!policies.some((p) => (p.spec.policyTypes ?? []).includes('Ingress'))) errors.push(`${s.name}: no NetworkPolicy of its own says who may reach it`);
  return errors;
}

/** Every problem of the rendered objects against the registered services. */
export function serviceErrors(services: readonly RegisteredService[], objects: readonly K8sObject[]): string[] {
  return services.flatMap((s) => [...deploymentErrors(s, objects), ...migrationErrors(s, objects), ...companionErrors(s, objects)]);
}
