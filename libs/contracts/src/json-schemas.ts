import { createRequire } from 'node:module';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { defaultConverters, type SchemaConverter } from 'class-validator-jsonschema/build/defaultConverters';
import { ALWAYS_PRESENT } from './nullable';

// class-transformer keeps @Type metadata in this internal storage (no typed export); the schema
// generator needs it to follow nested DTOs.
const { defaultMetadataStorage } = createRequire(__filename)('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

type Schema = Record<string, unknown>;

/** Schemas of this library's own validators (validators.ts), which the generator cannot know. */
const CUSTOM_VALIDATOR_SCHEMAS: Record<string, Schema> = {
  isCurrencyCode: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, description: 'ISO 4217 currency code' },
  isCalendarDate: { type: 'string', format: 'date', maxLength: 10, description: 'Calendar date YYYY-MM-DD (1900–2100)' },
  // DECIMAL_AMOUNT of @irp/money without the sign: amounts at the edges are never negative.
  isDecimalAmount: { type: 'string', pattern: '^\\d{1,15}(\\.\\d{1,4})?$', maxLength: 20, description: 'Decimal amount as a string, e.g. "12.34"' },
};

/**
 * Any other custom validator: the generator falls back to the property's design type, which is
 * `Object` for unions such as `string | null` — a `$ref` to a schema named Object that exists
 * nowhere. Then the property's other rules alone give its schema.
 */
const customValidation: SchemaConverter = (meta: ValidationMetadata, options) => {
  const designType: unknown = Reflect.getMetadata('design:type', (meta.target as { prototype: object }).prototype, meta.propertyName);
  if (designType === Object || designType === undefined) return {};
  return (defaultConverters[ValidationTypes.CUSTOM_VALIDATION] as SchemaConverter)(meta, options);
};

/** IsISO8601 accepts a date or a timestamp (`anyOf`: a timestamp is no date, but generators read oneOf as exclusive). */
const ISO8601_SCHEMA: Schema = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }], maxLength: 35 };

const INT32 = 2 ** 31;

/** `int32` when the validator's bounds fit in it, else `int64` (OpenAPI formats, for generators). */
function integerFormat(schema: Schema): void {
  const integer = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'));
  if (!integer || schema.format) return;
  const fits = (bound: unknown) => typeof bound === 'number' && bound >= -INT32 && bound < INT32;
  schema.format = fits(schema.minimum) && fits(schema.maximum) ? 'int32' : 'int64';
}

/** A UUID is 36 characters: said explicitly, so linters and clients see the bound @IsUUID enforces. */
function uuidLength(schema: Schema): void {
  if (schema.format === 'uuid') schema.maxLength ??= 36;
}

/** Lists @Nullable() properties as required (services always send them); bounds, int formats. */
function finish(schema: Schema): Schema {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const [name, property] of Object.entries(properties)) {
    if (property[ALWAYS_PRESENT]) required.add(name);
    delete property[ALWAYS_PRESENT];
    for (const schema of [property, property.items as Schema | undefined]) {
      if (!schema) continue;
      integerFormat(schema);
      uuidLength(schema);
    }
  }
  return { ...schema, ...(required.size > 0 && { required: Object.keys(properties).filter((name) => required.has(name)) }) };
}

/** JSON Schemas of every DTO class declared so far, derived from their class-validator rules. */
export function dtoJsonSchemas(refPointerPrefix: string): Record<string, Schema> {
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: { ...CUSTOM_VALIDATOR_SCHEMAS, isIso8601: ISO8601_SCHEMA, [ValidationTypes.CUSTOM_VALIDATION]: customValidation },
  }) as Record<string, Schema>;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, finish(schema)]));
}

/** Removes from `schemas` (in place) those no `$ref` reachable from `roots` names: a document describes what it uses. */
export function pruneUnusedSchemas(schemas: Record<string, unknown>, ...roots: unknown[]): void {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value)?.[1] : undefined;
      if (name && !used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      } else visit(value);
    }
  };
  roots.forEach(visit);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
