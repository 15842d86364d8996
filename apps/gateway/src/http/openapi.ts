import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiQuery, ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { dtoJsonSchemas } from '@irp/contracts';
import { applyConventions, COMPONENT_HEADERS, PROBLEM_SCHEMA } from './openapi-conventions';

const COMPONENTS = '#/components/schemas/';

/** A reference to the schema of a contracts DTO class (derived from its class-validator rules). */
export function schemaRef(dto: new () => object): { $ref: string } {
  return { $ref: `${COMPONENTS}${dto.name}` };
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (field errors in `errors`)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated, but not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'The resource changed (ETag mismatch)',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Understood, but cannot be processed',
  429: 'Too many requests (see Retry-After)',
};

/** Documents the problem+json answers a route can give (optionally with a route-specific description). */
export function problemResponses(...statuses: (number | [number, string])[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = typeof entry === 'number' ? [entry, PROBLEM_DESCRIPTIONS[entry]] : entry;
      return ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: `${COMPONENTS}Problem` } } } });
    }),
  );
}

/** Request headers of the conditional and idempotent routes (schemas as preconditions.ts checks them). */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$' },
} as const;
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'The ETag read before (or `*`); 412 if the resource changed since',
  schema: { type: 'string', maxLength: 20, pattern: '^\\s*(\\*|(W/)?"\\d{1,10}")\\s*$' },
} as const;

/** The ETag response header: the version, for If-Match. */
export const ETAG_HEADER = { ETag: { $ref: '#/components/headers/ETag' } } as const;

/**
 * Declares every property of a query DTO as a typed query parameter, with the schema its
 * class-validator rules give (one source for validation and documentation).
 */
export function queryParameters(dto: new () => object, descriptions: Record<string, string> = {}, omit: string[] = []): MethodDecorator {
  const schema = dtoJsonSchemas(COMPONENTS)[dto.name] as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(schema.properties)
      .filter(([name]) => !omit.includes(name))
      .map(([name, property]) =>
        ApiQuery({ name, required: schema.required?.includes(name) ?? false, description: descriptions[name], schema: property as never }),
      ),
  );
}

/** Operation ids a generated client turns into readable function names: `expensesList`, `authLogin`. */
export const operationId = (controller: string, method: string): string => {
  const resource = controller.replace(/Controller$/, '');
  return `${resource[0].toLowerCase()}${resource.slice(1)}${method[0].toUpperCase()}${method.slice(1)}`;
};

const SERVERS = [
  {
    url: 'https://{host}',
    description: 'Production: your deployment of the gateway (HTTPS)',
    variables: { host: { default: 'api.invoices.internal', description: 'Host (and port) of the gateway' } },
    'x-internal': false,
  },
  { url: 'http://localhost:3000', description: 'Local development: the gateway `npm start` runs', 'x-internal': false },
];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Invoice & Receipt Processor API')
    .setDescription(
      'Receipts and invoices in, clean expenses out. Errors are RFC 9457 problem documents. Every route is rate limited (IETF `RateLimit` headers; 429 with `Retry-After`).',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addTag('auth', 'Accounts, access tokens and rotating refresh tokens')
    .addTag('expenses', 'The expense ledger')
    .addTag('categories', 'Expense categories')
    .addTag('settings', 'Base currency and locale')
    .addTag('documents', 'Uploaded receipts and invoices, read in the background')
    .addTag('tax', 'Tax profiles, period reports for the tax return, each expense\u2019s tax lines')
    .addTag('admin', 'Operator routes (admin role)')
    .addTag('docs', 'Machine-readable API documents')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Access token from /auth/login or /auth/refresh: a JWT signed with RS256 (keys at /auth/jwks), 15 minutes, validated as RFC8725 recommends (fixed algorithm, issuer, audience, expiry).',
      },
      'bearer',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token whose `roles` claim holds `admin` (granted with the auth roles CLI); RFC8725 as for `bearer`.' },
      'adminBearer',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  document.servers = SERVERS;
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...dtoJsonSchemas(COMPONENTS), Problem: PROBLEM_SCHEMA };
  document.components.headers = { ...document.components.headers, ...COMPONENT_HEADERS };
  applyConventions(document);
  return document;
}

/** Interactive docs at /api/docs, the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
