import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import kinds from '../schemas/k8s-kinds.json';
import schema from '../schemas/kubernetes-strict.json';
import { describe, type K8sObject } from './k8s-types';

// Offline validation against the vendored strict schemas (schemas/generate-k8s-schema.mjs): an
// unknown or misspelt field, a missing required one or a wrong type is an error, as the API
// server's strict field validation would answer on apply.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema(schema);

const validators = new Map<string, ValidateFunction>();

function validatorFor(object: K8sObject): ValidateFunction | undefined {
  const key = `${object.apiVersion}/${object.kind}`;
  const model = (kinds as Record<string, string>)[key];
  if (!model || key.startsWith('$')) return undefined;
  if (!validators.has(key)) validators.set(key, ajv.getSchema(`${schema.$id}#/definitions/${model}`) as ValidateFunction);
  return validators.get(key);
}

/** Every schema violation of the objects, one message each, naming the object and the field. */
export function schemaErrors(objects: readonly K8sObject[]): string[] {
  return objects.flatMap((object) => {
    const validate = validatorFor(object);
    if (!validate) return [`${describe(object)}: no vendored schema for ${object.apiVersion} ${object.kind} (add it to tools/deploy-check/schemas/k8s-kinds.json)`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map((e) => `${describe(object)}: ${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : ''}`);
  });
}
