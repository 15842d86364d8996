import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type MediaType = { schema?: object };
type Response = { content?: Record<string, MediaType> };
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
}

/**
 * Checks answers of the running gateway against the committed OpenAPI document
 * (apps/gateway/openapi.json): the status is declared, and so is the media type, and a JSON body
 * matches its schema — nullability included.
 */
export class OpenApiResponses {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument = OpenApiResponses.committed()) {
    this.ajv.addSchema({ components: (document as { components?: object }).components }, 'openapi');
  }

  static committed(): OpenApiDocument {
    return JSON.parse(readFileSync(path.resolve(__dirname, '../../../apps/gateway/openapi.json'), 'utf8')) as OpenApiDocument;
  }

  /** What the document does not say about this answer; empty when it says it all. */
  errors(method: string, urlTemplate: string, status: number, contentType: string | null, body: unknown): string[] {
    const response = this.document.paths[urlTemplate]?.[method.toLowerCase()]?.responses[String(status)];
    if (!response) return [`status ${status} is not declared`];
    if (!contentType) return response.content ? ['no content type, but a body is declared'] : [];
    const mediaType = contentType.split(';')[0].trim();
    const declared = response.content?.[mediaType];
    if (!declared) return [`${mediaType} is not declared`];
    if (!mediaType.endsWith('json') || !declared.schema) return [];
    const validate = this.validatorFor(`${method} ${urlTemplate} ${status} ${mediaType}`, declared.schema);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
  }

  private validatorFor(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // Component refs point into the document, registered above as `openapi`.
      validate = this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
