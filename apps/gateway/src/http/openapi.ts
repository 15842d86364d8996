import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { dtoJsonSchemas } from '@irp/contracts';

const COMPONENTS = '#/components/schemas/';

/** A reference to the schema of a contracts DTO class (derived from its class-validator rules). */
export function schemaRef(dto: new () => object): { $ref: string } {
  return { $ref: `${COMPONENTS}${dto.name}` };
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', example: 'VALIDATION' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } },
    },
    errorId: { type: 'string', description: 'Quote it to support: it is in the logs' },
  },
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (field errors in `errors`)',
  401: 'Missing, invalid or expired credentials',
  404: 'Not found',
  409: 'Conflict',
  412: 'The resource changed (ETag mismatch)',
  429: 'Too many requests (see Retry-After)',
};

/** Documents the problem+json answers a route can give. */
export function problemResponses(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: `${COMPONENTS}Problem` } } } }),
    ),
  );
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Invoice & Receipt Processor API')
    .setDescription('Receipts and invoices in, clean expenses out. Errors are RFC 9457 problem documents.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ...dtoJsonSchemas(COMPONENTS),
    Problem: PROBLEM_SCHEMA,
  };
  return document;
}

/** Interactive docs at /api/docs, the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
