// Types of index.cjs for TypeScript callers (the registry's tests, the service generator).

export interface RegistryEnvVar {
  name: string;
  secret?: boolean;
  optional?: boolean;
}

export interface RegistryService {
  name: string;
  schema: string | null;
  opsPort: number;
  streams: string[];
  ingress: boolean;
  env: RegistryEnvVar[];
}

export interface Registry {
  reservedOpsPorts?: Record<string, number>;
  services: RegistryService[];
}

export interface NewService {
  name: string;
  /** Owns this PostgreSQL schema (gets DATABASE_URL and a migration Job); null or absent: none. */
  schema?: string | null;
  /** Default: the port reserved for the name, else the next free one from 9100. */
  opsPort?: number;
  streams?: string[];
  /** Besides DATABASE_URL (added when there is a schema). */
  env?: RegistryEnvVar[];
}

/** Path of services.json, relative to the workspace root. */
export declare const REGISTRY_FILE: string;
export declare function loadRegistry(root: string): Registry;
/** Problems of the registry itself (duplicate names, ports, schemas, streams; bad fields). */
export declare function validateRegistry(registry: unknown): string[];
/** What `registry:sync` would write, by file, and the registry's own problems. */
export declare function planSync(root: string): { registry: Registry; errors: string[]; changes: Map<string, string> };
/** `registry:check`: every problem and stale file; empty when the tree agrees with the registry. */
export declare function checkTree(root: string): string[];
/** `registry:sync`: writes the generated parts and scaffolds, returns what still disagrees. */
export declare function syncTree(root: string): { written: string[]; errors: string[] };
/** Registers a service and syncs; throws, changing nothing, on an invalid or clashing entry. */
export declare function addService(root: string, service: NewService): { service: RegistryService; written: string[]; errors: string[] };
export declare function nextOpsPort(registry: Registry, name: string): number;
/** Unregisters a service, deletes its compose blocks, k8s folder and dev Secret generator, and syncs. */
export declare function removeService(root: string, name: string): { written: string[]; errors: string[] };
