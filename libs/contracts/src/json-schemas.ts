import { createRequire } from 'node:module';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

// class-transformer keeps @Type metadata in this internal storage (no typed export); the schema
// generator needs it to follow nested DTOs.
const { defaultMetadataStorage } = createRequire(__filename)('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

/** JSON Schemas of every DTO class declared so far, derived from their class-validator rules. */
export function dtoJsonSchemas(refPointerPrefix: string): Record<string, Record<string, unknown>> {
  return validationMetadatasToSchemas({ refPointerPrefix, classTransformerMetadataStorage: defaultMetadataStorage }) as Record<string, Record<string, unknown>>;
}
