'use strict';
// The registry of services (libs/service-registry/src/services.json): reading and validating it.
// CommonJS without dependencies, so the sync tool and jest load it.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const REGISTRY_FILE = 'libs/service-registry/src/services.json';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SCHEMA = /^[a-z][a-z0-9_]*$/;
const UPPER = /^[A-Z][A-Z0-9_]*$/;
const SERVICE_KEYS = ['name', 'schema', 'opsPort', 'streams', 'ingress', 'env'];
const ENV_KEYS = ['name', 'secret', 'optional'];

function loadRegistry(root) {
  const file = path.join(root, REGISTRY_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${REGISTRY_FILE}: ${error.message}`);
  }
}

/** The names, in the order generated lists use: by ops port (gateway 9100 first). */
function byOpsPort(services) {
  return [...services].sort((a, b) => a.opsPort - b.opsPort);
}

function validateEntry(service, index) {
  const at = `${REGISTRY_FILE}: services[${index}]${typeof service?.name === 'string' ? ` (${service.name})` : ''}`;
  if (!service || typeof service !== 'object') return [`${at}: not an object`];
  const errors = Object.keys(service)
    .filter((key) => !SERVICE_KEYS.includes(key))
    .map((key) => `${at}: unknown field ${key} (fields: ${SERVICE_KEYS.join(', ')})`);
  if (typeof service.name !== 'string' || !NAME.test(service.name)) errors.push(`${at}: name must be kebab-case (a-z, 0-9, -)`);
  if (service.schema !== null && (typeof service.schema !== 'string' || !SCHEMA.test(service.schema))) {
    errors.push(`${at}: schema must be a lower-case PostgreSQL identifier, or null for a service without a database`);
  }
  if (!Number.isInteger(service.opsPort) || service.opsPort < 1024 || service.opsPort > 65535) errors.push(`${at}: opsPort must be an integer from 1024 to 65535`);
  if (!Array.isArray(service.streams) || !service.streams.every((s) => typeof s === 'string' && UPPER.test(s))) {
    errors.push(`${at}: streams must be a list of JetStream stream names (A-Z, 0-9, _)`);
  }
  if (typeof service.ingress !== 'boolean') errors.push(`${at}: ingress must be true or false`);
  if (!Array.isArray(service.env) || !service.env.every((e) => e && typeof e.name === 'string' && UPPER.test(e.name))) {
    errors.push(`${at}: env must be a list of { name, secret?, optional? } with upper-case names`);
    return errors;
  }
  for (const variable of service.env) {
    const unknown = Object.keys(variable).filter((key) => !ENV_KEYS.includes(key));
    if (unknown.length) errors.push(`${at}: env ${variable.name} has unknown field ${unknown.join(', ')} (fields: ${ENV_KEYS.join(', ')})`);
  }
  const envNames = service.env.map((e) => e.name);
  for (const name of duplicates(envNames)) errors.push(`${at}: env ${name} is listed twice`);
  const databaseUrl = service.env.find((e) => e.name === 'DATABASE_URL');
  if (service.schema && (!databaseUrl || !databaseUrl.secret || databaseUrl.optional)) errors.push(`${at}: owns schema ${service.schema}, so needs env DATABASE_URL (secret, required)`);
  if (!service.schema && databaseUrl) errors.push(`${at}: has no schema but lists DATABASE_URL`);
  if (service.ingress && !envNames.includes('PORT')) errors.push(`${at}: takes ingress, so needs env PORT`);
  return errors;
}

function duplicates(values) {
  const seen = new Set();
  return [...new Set(values.filter((value) => seen.size === seen.add(value).size))];
}

/** Every problem of the registry itself, as messages naming the field; empty when it is sound. */
function validateRegistry(registry) {
  if (!registry || !Array.isArray(registry.services) || registry.services.length === 0) return [`${REGISTRY_FILE}: needs a non-empty "services" list`];
  const { services } = registry;
  const errors = services.flatMap(validateEntry);
  if (errors.length) return errors;
  for (const name of duplicates(services.map((s) => s.name))) errors.push(`${REGISTRY_FILE}: service name ${name} is registered twice`);
  for (const schema of duplicates(services.map((s) => s.schema).filter(Boolean))) errors.push(`${REGISTRY_FILE}: schema ${schema} is owned by two services`);
  for (const stream of duplicates(services.flatMap((s) => s.streams))) errors.push(`${REGISTRY_FILE}: stream ${stream} is owned by two services`);
  for (const port of duplicates(services.map((s) => s.opsPort))) {
    errors.push(`${REGISTRY_FILE}: ops port ${port} is used by ${services.filter((s) => s.opsPort === port).map((s) => s.name).join(' and ')}`);
  }
  for (const [name, port] of Object.entries(registry.reservedOpsPorts ?? {})) {
    const taker = services.find((s) => s.opsPort === port && s.name !== name);
    if (taker) errors.push(`${REGISTRY_FILE}: ops port ${port} is reserved for ${name} but used by ${taker.name}`);
    const registered = services.find((s) => s.name === name);
    if (registered && registered.opsPort !== port) errors.push(`${REGISTRY_FILE}: ${name} has ops port ${registered.opsPort}, but ${port} is reserved for it`);
  }
  // The gateway(s) start last: they take requests for the services started before them.
  const firstIngress = services.findIndex((s) => s.ingress);
  if (firstIngress >= 0 && services.slice(firstIngress).some((s) => !s.ingress)) errors.push(`${REGISTRY_FILE}: services taking ingress must come last (start order)`);
  return errors;
}

/** The secrets of a service (variables marked secret), required ones and optional ones. */
function secretsOf(service) {
  return service.env.filter((e) => e.secret);
}

module.exports = { REGISTRY_FILE, loadRegistry, validateRegistry, byOpsPort, secretsOf, duplicates };
