import type { RegisteredService } from '@irp/service-registry';
import { podTemplateOf, type K8sObject } from './k8s-types';

// What each overlay promises on top of the base: dev brings its own 3-node NATS cluster and
// PostgreSQL; prod points at managed ones through a Secret, autoscales and has an Ingress.

const find = (objects: readonly K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const generated = (objects: readonly K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && new RegExp(`^${name}(-[a-z0-9]{10})?$`).test(o.metadata.name));

/** authorization.conf reads each service's NATS password from <SERVICE>_NATS_PASSWORD: the dev servers get it from the service's Secret. */
function natsPasswordErrors(nats: K8sObject | undefined, services: readonly RegisteredService[]): string[] {
  const env = (nats && podTemplateOf(nats)?.spec.containers[0].env) ?? [];
  return services.flatMap((s) => {
    const variable = `${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_NATS_PASSWORD`;
    const ref = env.find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
    return ref && new RegExp(`^${s.name}-secrets(-[a-z0-9]{10})?$`).test(ref.name) && ref.key === 'NATS_PASSWORD' ? [] : [`StatefulSet/nats: ${variable} does not come from ${s.name}-secrets (key NATS_PASSWORD)`];
  });
}

function devErrors(objects: readonly K8sObject[], services: readonly RegisteredService[]): string[] {
  const errors: string[] = [];
  const nats = find(objects, 'StatefulSet', 'nats');
  if (nats?.spec?.replicas !== 3) errors.push(`StatefulSet/nats: ${nats ? `${nats.spec.replicas} replicas` : 'missing'}; the dev NATS is a 3-node JetStream cluster`);
  errors.push(...natsPasswordErrors(nats, services));
  const config = generated(objects, 'ConfigMap', 'nats-config')?.data?.['nats.conf'] ?? '';
  for (const route of ['nats-0', 'nats-1', 'nats-2']) if (!config.includes(`nats://${route}.nats:6222`)) errors.push(`ConfigMap/nats-config: nats.conf has no cluster route to ${route}`);
  if (!/^jetstream\s*\{/m.test(config)) errors.push('ConfigMap/nats-config: nats.conf does not enable JetStream');
  const headless = find(objects, 'Service', 'nats');
  if (headless?.spec?.clusterIP !== 'None' || headless.spec.publishNotReadyAddresses !== true) errors.push('Service/nats: not headless with publishNotReadyAddresses (routes must resolve while the servers start)');
  if (!find(objects, 'StatefulSet', 'postgres')) errors.push('StatefulSet/postgres: missing from the dev overlay');
  return errors;
}

function prodErrors(objects: readonly K8sObject[]): string[] {
  const errors: string[] = [];
  for (const infra of ['nats', 'postgres']) if (find(objects, 'StatefulSet', infra)) errors.push(`StatefulSet/${infra}: prod uses the managed one`);
  for (const secret of objects.filter((o) => o.kind === 'Secret')) errors.push(`Secret/${secret.metadata.name}: prod commits no secret; create it out of band`);
  for (const workload of objects.filter((o) => ['Deployment', 'Job'].includes(o.kind))) {
    const container = podTemplateOf(workload)?.spec.containers[0];
    if (!container?.envFrom?.some((source) => source.secretRef?.name === 'platform-endpoints')) errors.push(`${workload.kind}/${workload.metadata.name}: does not read NATS/PostgreSQL addresses from the Secret platform-endpoints`);
  }
  const config = generated(objects, 'ConfigMap', 'irp-config')?.data ?? {};
  for (const key of ['NATS_URL', 'DATABASE_HOST']) if (key in config) errors.push(`ConfigMap/irp-config: sets ${key}, which prod takes from the Secret platform-endpoints`);
  for (const name of ['gateway', 'ocr']) {
    const hpa = find(objects, 'HorizontalPodAutoscaler', name);
    if (hpa?.spec?.scaleTargetRef?.name !== name || !find(objects, 'Deployment', name)) errors.push(`HorizontalPodAutoscaler/${name}: missing or not scaling Deployment/${name}`);
  }
  const routed = objects.filter((o) => o.kind === 'Ingress').flatMap((o) => o.spec.rules.flatMap((r: { http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] } }) => r.http.paths.map((p) => p.backend.service)));
  if (!routed.length || routed.some((backend) => backend.name !== 'gateway' || backend.port.name !== 'http')) errors.push('Ingress: prod routes only to the gateway Service port "http", and at least once');
  return errors;
}

const OVERLAY_RULES: Record<string, (objects: readonly K8sObject[], services: readonly RegisteredService[]) => string[]> = { dev: devErrors, prod: prodErrors };

/** The overlay's own promises; an overlay without rules here has none beyond the common ones. */
export function overlayErrors(overlay: string, objects: readonly K8sObject[], services: readonly RegisteredService[]): string[] {
  return OVERLAY_RULES[overlay]?.(objects, services) ?? [];
}
