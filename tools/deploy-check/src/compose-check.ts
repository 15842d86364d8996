import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import type { RegisteredService } from '@irp/service-registry';
import schema from '../schemas/compose-spec.json';

// docker-compose.yml checked without Docker: against the Compose Specification's JSON schema
// (vendored, schemas/compose-spec.json), then the platform's rules: the whole stack is there,
// images are pinned, every service is locked down and has what the registry says it needs.

export interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictTypes: false });
const validate = ajv.compile(schema);

/** The infrastructure `docker compose up` must bring along the services. */
const INFRASTRUCTURE = ['postgres', 'nats', 'otel-collector', 'jaeger', 'prometheus', 'grafana', 'nats-exporter', 'postgres-exporter'];

/** Compose reads YAML 1.1: merge keys (`<<: *hardening`) apply. */
export function parseCompose(text: string): ComposeFile {
  return yaml.load(text, { schema: yaml.YAML11_SCHEMA }) as ComposeFile;
}

export function composeSchemaErrors(compose: unknown): string[] {
  return validate(compose) ? [] : (validate.errors ?? []).map((e) => `docker-compose.yml: ${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : ''}`);
}

const passwordVariable = (name: string) => `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_NATS_PASSWORD`;

function serviceRules(s: RegisteredService, compose: ComposeFile): string[] {
  const block = compose.services[s.name];
  if (!block) return [`docker-compose.yml: no service ${s.name}`];
  const at = `docker-compose.yml: ${s.name}`;
  const env = block.environment ?? {};
  const errors: string[] = [];
  for (const variable of s.env.filter((e) => !e.optional)) {
    const value = env[variable.name];
    if (value === undefined || value === null || value === '') errors.push(`${at}: ${variable.name} is not set (the registry lists it as required)`);
    else if (variable.secret && !String(value).includes('${')) errors.push(`${at}: ${variable.name} is a secret but is written in the file, not read from .env`);
  }
  if (env.NATS_URL !== 'nats://nats:4222') errors.push(`${at}: NATS_URL is ${env.NATS_URL}, not the compose NATS`);
  if (!String(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').startsWith('http://otel-collector:')) errors.push(`${at}: does not send its traces to the collector`);
  if (block.depends_on?.nats?.condition !== 'service_healthy') errors.push(`${at}: does not wait for NATS to be healthy`);
  if (s.schema && block.depends_on?.[`${s.name}-migrate`]?.condition !== 'service_completed_successfully') errors.push(`${at}: does not wait for ${s.name}-migrate to complete`);
  const natsEnv = compose.services.nats?.environment ?? {};
  if (!String(natsEnv[passwordVariable(s.name)] ?? '').includes('${')) errors.push(`docker-compose.yml: nats lacks ${passwordVariable(s.name)} (authorization.conf reads ${s.name}'s password from it)`);
  return errors;
}

function hardeningRules(compose: ComposeFile): string[] {
  return Object.entries(compose.services)
    .filter(([, block]) => /^irp\//.test(block.image ?? ''))
    .flatMap(([name, block]) => [
      ...(block.read_only === true ? [] : [`docker-compose.yml: ${name} has a writable root filesystem`]),
      ...(block.cap_drop?.includes('ALL') ? [] : [`docker-compose.yml: ${name} does not drop all capabilities`]),
      ...(block.security_opt?.includes('no-new-privileges:true') ? [] : [`docker-compose.yml: ${name} may gain privileges (no-new-privileges)`]),
    ]);
}

function stackRules(compose: ComposeFile, root: string): string[] {
  const errors = INFRASTRUCTURE.filter((name) => !compose.services[name]).map((name) => `docker-compose.yml: no ${name} service`);
  for (const [name, block] of Object.entries(compose.services)) {
    const image = block.image ?? '';
    if (!/^irp\//.test(image) && (!/:[\w.-]+$/.test(image) || image.endsWith(':latest'))) errors.push(`docker-compose.yml: ${name} image ${image} is not pinned to a version`);
    for (const volume of block.volumes ?? []) {
      const source = volume.split(':')[0];
      if (source.startsWith('./') && !existsSync(path.join(root, source))) errors.push(`docker-compose.yml: ${name} mounts ${source}, which does not exist`);
    }
  }
  if (!/^nats:2\.\d+/.test(compose.services.nats?.image ?? '')) errors.push('docker-compose.yml: nats is not a NATS 2.x image');
  const natsConf = readFileSync(path.join(root, 'deploy/nats/nats.conf'), 'utf8');
  if (!/^jetstream\s*\{/m.test(natsConf)) errors.push('deploy/nats/nats.conf: JetStream is not enabled');
  return errors;
}

const readYaml = <T>(root: string, file: string) => yaml.load(readFileSync(path.join(root, file), 'utf8')) as T;
const hostOf = (address: string) => address.replace(/^\w+:\/\//, '').split(/[:/]/)[0];

/** The data source uids a dashboard's panels and queries name. */
function datasourceUids(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(datasourceUids);
  if (!node || typeof node !== 'object') return [];
  const { datasource, ...rest } = node as { datasource?: { uid?: string } };
  return [...(datasource?.uid ? [datasource.uid] : []), ...Object.values(rest).flatMap(datasourceUids)];
}

/** The observability files name hosts that are compose services, and the dashboard the data source Grafana is given. */
function wiringRules(compose: ComposeFile, root: string): string[] {
  const isService = (host: string) => host === 'localhost' || host in compose.services;
  const prometheus = readYaml<{ scrape_configs: { job_name: string; static_configs?: { targets: string[] }[] }[] }>(root, 'deploy/prometheus/prometheus.yml');
  const targets = prometheus.scrape_configs.flatMap((job) => (job.static_configs ?? []).flatMap((c) => c.targets.map((target) => ({ job: job.job_name, target }))));
  const collector = readYaml<{ exporters: Record<string, { endpoint: string }> }>(root, 'deploy/otel/collector.yaml');
  const datasources = readYaml<{ datasources: { uid: string; url: string }[] }>(root, 'deploy/grafana/provisioning/datasources/prometheus.yaml').datasources;
  const dashboardUids = new Set(datasourceUids(JSON.parse(readFileSync(path.join(root, 'deploy/grafana/dashboards/irp-platform.json'), 'utf8'))));
  return [
    ...targets.filter(({ target }) => !isService(hostOf(target))).map(({ job, target }) => `prometheus.yml: job ${job} scrapes ${target}, which is no compose service`),
    ...Object.entries(collector.exporters).filter(([, e]) => !isService(hostOf(e.endpoint))).map(([name, e]) => `collector.yaml: exporter ${name} sends to ${e.endpoint}, which is no compose service`),
    ...datasources.filter((d) => !isService(hostOf(d.url))).map((d) => `grafana datasource ${d.uid}: ${d.url} is no compose service`),
    ...[...dashboardUids].filter((uid) => !datasources.some((d) => d.uid === uid)).map((uid) => `irp-platform.json: data source ${uid} is not provisioned`),
  ];
}

/** Every problem of the compose file (text) against the schema and the rules. */
export function composeProblems(text: string, services: readonly RegisteredService[], root: string): string[] {
  const compose = parseCompose(text);
  return [...composeSchemaErrors(compose), ...stackRules(compose, root), ...hardeningRules(compose), ...wiringRules(compose, root), ...services.flatMap((s) => serviceRules(s, compose))];
}
