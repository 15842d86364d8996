import fc, { type Arbitrary } from 'fast-check';
import { arbitraryFor, fieldArbitrary, HOSTILE_STRINGS, type Schema } from './schema-arbitrary';

/** What the fuzzer reads of an OpenAPI 3 document. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
}

export interface FuzzRequest {
  method: string;
  /** Path and query, relative to the server (the document's paths carry the /api/v1 prefix). */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface FuzzContext {
  /** An access token of a real user. */
  token: string;
  /** Ids that exist and belong to that user, so that requests also reach past the 404. */
  knownIds: string[];
}

export interface FuzzOperation {
  name: string;
  requests: Arbitrary<FuzzRequest>;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** One request generator per operation of the document. */
export function fuzzOperations(document: OpenApiDocument, context: FuzzContext): FuzzOperation[] {
  const components = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, requests: requestsFor(method, path, operation, components, context) })),
  );
}

function requestsFor(method: string, path: string, operation: Operation, components: Record<string, Schema>, context: FuzzContext): Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const url = fc
    .tuple(
      fc.tuple(...pathParameters.map(() => pathValue(context))),
      // Each parameter mostly absent: with all of them at once, nearly every request would be refused.
      fc.tuple(...parameters.filter((p) => p.in === 'query').map((p) => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: queryValue(p.name, p.schema ?? {}, components), weight: 1 }))),
    )
    .map(([pathValues, queryValues]) => {
      const filled = pathParameters.reduce((result, parameter, i) => result.replace(`{${parameter.name}}`, encodeSegment(pathValues[i])), path);
      const query = queryValues.filter((value): value is string => value !== null).join('&');
      return query ? `${filled}?${query}` : filled;
    });
  const headerParameters = parameters.filter((p) => p.in === 'header');
  const headers = fc
    .tuple(authorization(operation, context), fc.tuple(...headerParameters.map(() => fc.option(headerValue, { freq: 2 }))))
    .map(([auth, values]) => {
      const result: Record<string, string> = auth ? { authorization: auth } : {};
      headerParameters.forEach((parameter, i) => {
        if (values[i] !== null) result[parameter.name.toLowerCase()] = values[i];
      });
      return result;
    });
  return fc.tuple(url, headers, bodyFor(operation, components)).map(([target, baseHeaders, body]) => ({
    method: method.toUpperCase(),
    url: target,
    headers: { ...baseHeaders, ...(body.contentType && { 'content-type': body.contentType }) },
    // fetch sends no body with a GET; the content type alone still goes.
    ...(body.payload !== undefined && method !== 'get' && { body: body.payload }),
  }));
}

function authorization(operation: Operation, context: FuzzContext): Arbitrary<string | undefined> {
  const valid = `Bearer ${context.token}`;
  const hostile = fc.constantFrom(undefined, 'Bearer', 'Bearer not.a.jwt', `Bearer ${context.token}x`, 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(8000)}`);
  const secured = (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
  return fc.oneof({ arbitrary: fc.constant(valid), weight: secured ? 8 : 3 }, { arbitrary: hostile, weight: 2 });
}

function pathValue(context: FuzzContext): Arbitrary<string> {
  const known = context.knownIds.length > 0 ? [{ arbitrary: fc.constantFrom(...context.knownIds), weight: 4 }] : [];
  return fc.oneof(...known, { arbitrary: fc.uuid(), weight: 2 }, { arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 5000)), weight: 3 });
}

/** A path segment even for text encodeURIComponent refuses (unpaired surrogates): sent as the raw bytes would be. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value) || '%20';
  } catch {
    return '%ED%A0%80';
  }
}

function queryValue(name: string, schema: Schema, components: Record<string, Schema>): Arbitrary<string> {
  const fromSchema = fieldArbitrary(name, schema, components, 0, 0).map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''));
  const looksRight = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.integer().map(String), fc.uuid(), fc.string());
  const values = fc.oneof(fromSchema, looksRight, fc.constantFrom(...HOSTILE_STRINGS));
  // Sometimes the parameter twice (an array where one value is expected).
  return fc.array(values, { minLength: 1, maxLength: 2 }).map((list) => list.map((value) => `${encodeURIComponent(name)}=${encodeSegment(value)}`).join('&'));
}

/** Header values must be visible ASCII to be sent at all; within that, anything goes. */
const headerValue: Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 }),
  fc.constantFrom('', '*', '"1"', 'W/"1"', '"-1"', '"99999999999999999999"', 'x'.repeat(4000), '00000000-0000-0000-0000-000000000000'),
);

interface Body {
  contentType?: string;
  payload?: string | Uint8Array;
}

function bodyFor(operation: Operation, components: Record<string, Schema>): Arbitrary<Body> {
  const content = operation.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const declared = Object.keys(content).filter((type) => type !== 'application/json');
  const options: { arbitrary: Arbitrary<Body>; weight: number }[] = [{ arbitrary: oddBodies, weight: 2 }];
  if (json) {
    const asJson = (value: unknown): Body => ({ contentType: 'application/json', payload: JSON.stringify(value) });
    const valid = arbitraryFor(json, components, 0).map(asJson);
    const mixed = arbitraryFor(json, components).map(asJson);
    options.push({ arbitrary: valid, weight: 4 }, { arbitrary: mixed, weight: 4 }, { arbitrary: hostileJsonBodies, weight: 2 });
  }
  if (declared.length > 0) {
    const bytes = fc.tuple(fc.constantFrom(...declared), fc.uint8Array({ maxLength: 2048 })).map(([type, payload]): Body => ({ contentType: type, payload }));
    options.push({ arbitrary: bytes, weight: 3 });
  }
  if (!json && declared.length === 0) options.push({ arbitrary: fc.constant({}), weight: 6 });
  return fc.oneof(...options);
}

const nested = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth);

/** JSON-typed bodies no schema describes: too deep, too big, not JSON, poisoned prototypes. */
const hostileJsonBodies: Arbitrary<Body> = fc
  .constantFrom(
    nested(65, '[', ']'),
    nested(10_000, '[', ']'),
    nested(10_000, '{"a":', '}'),
    `{"name":${nested(10_000, '[', ']')}}`,
    `{"vendor":"x","taxLines":${nested(200, '[{"label":', '}]', '"x"')}}`,
    '{"a":',
    '',
    'null',
    '"just a string"',
    '[]',
    '1e999',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    `{"name":"${'x'.repeat(3_000_000)}"}`,
    '{"name":"\\u0000"}',
    '{"name":"\\ud800"}',
    '{"\\u0000":"key"}',
  )
  .map((payload): Body => ({ contentType: 'application/json', payload }));

/** Bodies of types the API does not speak, or lies about. */
const oddBodies: Arbitrary<Body> = fc.constantFrom<Body>(
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=b&__proto__=x&a=c' },
  { contentType: 'multipart/form-data; boundary=zz', payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="\u0000.png"\r\n\r\nnot a png\r\n--zz--' },
  { contentType: 'multipart/form-data', payload: 'no boundary' },
  { contentType: 'multipart/form-data; boundary=zz', payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut sh' },
  { contentType: 'multipart/form-data; boundary=zz', payload: '--zz\r\nbroken header line\r\n\r\nx\r\n--zz--' },
  { contentType: 'application/json; charset=utf-16', payload: '{"a":1}' },
  { contentType: 'image/png', payload: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
  { contentType: 'application/octet-stream', payload: new Uint8Array(0) },
  { contentType: 'application/pdf', payload: '%PDF-1.7\n%%EOF' },
  { contentType: 'application/vnd.unknown+json', payload: '{}' },
  { payload: '{"no":"content type"}' },
);
