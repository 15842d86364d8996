import registry from './services.json';
import { SERVICE_NAMES, type ServiceName } from './service-names';

export { SERVICE_NAMES, type ServiceName };

/** A variable a service reads from its environment. */
export interface ServiceEnvVar {
  name: string;
  /** Credentials and keys: from a Secret in Kubernetes, from .env in compose, never committed. */
  secret?: boolean;
  /** The service starts without it. */
  optional?: boolean;
}

/** One entry of the registry (services.json): everything that deploys and starts a service. */
export interface RegisteredService {
  name: ServiceName;
  /** The PostgreSQL schema it owns and migrates; null when it has no database (the gateway). */
  schema: string | null;
  /** /health/* and /metrics listen here (OPS_PORT). */
  opsPort: number;
  /** The JetStream streams it owns (publishes into through its outbox). */
  streams: readonly string[];
  /** Takes HTTP from outside (the gateway): listens on PORT, starts after every other service. */
  ingress: boolean;
  env: readonly ServiceEnvVar[];
}

/** Every service, in start order. */
export const SERVICES = registry.services as readonly RegisteredService[];

/** Ops ports kept for services not written yet (budgets 9104, ...). */
export const RESERVED_OPS_PORTS: Readonly<Record<string, number>> = registry.reservedOpsPorts;

export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

export function serviceNamed(name: string): RegisteredService {
  const service = SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`no service "${name}" in the registry (libs/service-registry/src/services.json); registered: ${SERVICE_NAMES.join(', ')}`);
  return service;
}

/** The services that own a schema, in start order (their migrations run before anything starts). */
export function servicesWithDatabase(): readonly RegisteredService[] {
  return SERVICES.filter((s) => s.schema !== null);
}

/** The variables of a service that are secrets, e.g. auth's DATABASE_URL and AUTH_JWT_PRIVATE_KEY. */
export function secretEnvOf(service: RegisteredService): readonly ServiceEnvVar[] {
  return service.env.filter((e) => e.secret);
}
