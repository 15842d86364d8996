import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { pruneUnusedSchemas } from '@irp/contracts';

type Json = Record<string, unknown>;
type Response = { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> };
type Operation = { tags?: string[]; security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, Response> };

export const PROBLEM_SCHEMA: Json = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri', maxLength: 200 },
    title: { type: 'string', maxLength: 200 },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599 },
    detail: { type: 'string', maxLength: 2000 },
    instance: { type: 'string', maxLength: 2000 },
    code: {
      type: 'string',
      enum: ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'QUOTA_EXCEEDED', 'UNAVAILABLE', 'INTERNAL'],
    },
    requestId: { type: 'string', maxLength: 200 },
    errors: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { field: { type: 'string', maxLength: 200 }, messages: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 500 } } },
      },
    },
    errorId: { type: 'string', maxLength: 100, description: 'Quote it to support: it is in the logs' },
  },
};

const header = (description: string, schema: Json = { type: 'string', maxLength: 200 }) => ({ description, schema });

/** Response headers, declared once and referenced by every operation. */
export const COMPONENT_HEADERS: Record<string, Json> = {
  RateLimit: header('IETF draft-ietf-httpapi-ratelimit-headers: the quota left in the current window, e.g. `"default";r=9;t=42`'),
  'RateLimit-Policy': header('IETF draft-ietf-httpapi-ratelimit-headers: the quota policy, e.g. `"default";q=10;w=60`'),
  'Retry-After': header('Seconds to wait before trying again', { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 }),
  ETag: header('The version of the resource (strong), to send back in If-Match', { type: 'string', maxLength: 12, pattern: '^"\\d{1,10}"$' }),
  Location: header('URL of the resource', { type: 'string', format: 'uri-reference', maxLength: 200 }),
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** Answers any route can give, whatever its controller declares. */
const GENERIC_PROBLEMS: Record<string, string> = {
  '429': 'Too many requests: wait for Retry-After seconds',
  '500': 'Unexpected error (quote `errorId`)',
};

function isPublic(operation: Operation): boolean {
  return !operation.security || operation.security.length === 0;
}

/** Every path parameter of this API is an id, checked as a UUID (UuidParam in preconditions.ts). */
function typePathParameters(operation: Operation): void {
  for (const parameter of (operation.parameters ?? []) as { in?: string; schema?: Json }[]) {
    if (parameter.in === 'path') parameter.schema = { type: 'string', format: 'uuid', maxLength: 36 };
  }
}

/** Who may call it: public routes say so with `security: []`; admin routes need the admin role. */
function applySecurity(operation: Operation): void {
  if (isPublic(operation)) operation.security = [];
  else if (operation.tags?.includes('admin')) operation.security = [{ adminBearer: [] }];
}

function addProblem(operation: Operation, status: string, description: string): void {
  operation.responses[status] ??= { description, content: PROBLEM_CONTENT };
}

/** Every status the gateway can answer for this operation, each with its body and headers. */
function applyResponses(operation: Operation, callsServices: boolean): void {
  for (const [status, description] of Object.entries(GENERIC_PROBLEMS)) addProblem(operation, status, description);
  if (callsServices) addProblem(operation, '503', 'A service it needs is unavailable; try again later');
  if (!isPublic(operation)) addProblem(operation, '401', 'Missing, invalid or expired access token');
  if (operation.tags?.includes('admin')) addProblem(operation, '403', 'The access token lacks the admin role');
  if ((operation.parameters?.length || operation.requestBody) && !operation.responses['400']) addProblem(operation, '400', 'Invalid request (field errors in `errors`)');
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response.description) response.description = STATUS_CODES[Number(status)] ?? status;
    if (Number(status) >= 400 && !response.content) response.content = PROBLEM_CONTENT;
    response.headers = { ...response.headers, RateLimit: ref('RateLimit'), 'RateLimit-Policy': ref('RateLimit-Policy') };
    if (status === '429') response.headers['Retry-After'] = ref('Retry-After');
  }
}

/**
 * The conventions every operation of this API follows, applied to the document Nest generated so
 * controllers only declare what is particular to them: security, rate-limit headers, problem answers.
 */
export function applyConventions(document: OpenAPIObject): void {
  document.security = [{ bearer: [] }];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (!operation?.responses) continue;
      applySecurity(operation);
      typePathParameters(operation);
      applyResponses(operation, !operation.tags?.includes('docs'));
    }
  }
  // Bus-only DTOs stay out: the document describes the HTTP API only.
  pruneUnusedSchemas((document.components?.schemas ?? {}) as Record<string, unknown>, document.paths, document.components?.headers);
}
