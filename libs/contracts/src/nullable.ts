import { IsOptional } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Set by @Nullable() on properties that json-schemas.ts lists as required (then removed). */
export const ALWAYS_PRESENT = 'x-always-present';

type Schema = Record<string, unknown>;

/** The JSON Schema (2020-12 / OpenAPI 3.1) form of "this, or null". */
export function orNull(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') return { oneOf: [{ $ref: schema.$ref }, { type: 'null' }] };
  if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: [...(schema.oneOf as Schema[]), { type: 'null' }] };
  if (typeof schema.type !== 'string') return schema;
  return { ...schema, type: [schema.type, 'null'], ...(Array.isArray(schema.enum) && { enum: [...(schema.enum as unknown[]), null] }) };
}

/**
 * A field that is null when there is no value. Validated as @IsOptional (null and absent pass);
 * documented as nullable and, unless `optional`, as always present — which is what services send,
 * so a generated client sees `T | null` (a `null` cursor ends paging) rather than `T | undefined`.
 */
export function Nullable(options: { optional?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    JSONSchema((schema) => ({ ...orNull(schema as Schema), ...(!options.optional && { [ALWAYS_PRESENT]: true }) }))(target, key as string);
  };
}
