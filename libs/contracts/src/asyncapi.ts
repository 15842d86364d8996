import { ErrorCode } from './errors';
import { dtoJsonSchemas, pruneUnusedSchemas } from './json-schemas';
import { STREAMS } from './events';
import { EVENT_CONTRACTS, RPC_CONTRACTS } from './registry';
import { SUBJECTS, type EventSubject, type RpcSubject } from './subjects';

const SCHEMAS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${SCHEMAS}${name}` });

const keyOf = (subject: string) => (Object.keys(SUBJECTS) as (keyof typeof SUBJECTS)[]).find((key) => SUBJECTS[key] === subject) as string;

/** Nest's NATS transport wraps every request and reply; documented as they travel. */
const requestEnvelope = (subject: string, data: object) => ({
  type: 'object',
  required: ['pattern', 'id', 'data'],
  properties: { pattern: { const: subject }, id: { type: 'string', description: 'Correlation id' }, data },
});

const replyEnvelope = (response: object) => ({
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    response,
    err: ref('RpcError'),
    isDisposed: { type: 'boolean' },
  },
  description: 'Exactly one of `response` (success) or `err` (failure) is present.',
});

const eventEnvelope = (subject: string, payloadSchema: string) => ({
  type: 'object',
  required: ['id', 'type', 'version', 'occurredAt', 'subject', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Unique per event; also the Nats-Msg-Id (deduplication)' },
    type: { const: subject },
    version: { type: 'integer', const: Number(/\.v(\d+)$/.exec(subject)?.[1] ?? 1) },
    occurredAt: { type: 'string', format: 'date-time' },
    subject: { type: 'object', required: ['userId'], properties: { userId: { type: 'string', format: 'uuid' } } },
    data: ref(payloadSchema),
  },
});

type Schema = Record<string, unknown>;

/**
 * The schema of a contract class. A class that declares no rules of its own (`class X extends
 * UserScoped {}`, a request without fields) has none from the generator: it gets its nearest
 * ancestor's, or an empty object.
 */
function ensureSchema(schemas: Record<string, Schema>, dto: abstract new (...args: never[]) => unknown): string {
  for (let cls: unknown = dto; typeof cls === 'function' && cls !== Object && cls.name; cls = Object.getPrototypeOf(cls)) {
    const found = schemas[cls.name];
    if (found) {
      schemas[dto.name] ??= found;
      return dto.name;
    }
  }
  schemas[dto.name] = { type: 'object', additionalProperties: false };
  return dto.name;
}

const TRACE_HEADERS = {
  type: 'object',
  properties: {
    traceparent: { type: 'string', description: 'W3C trace context of the caller' },
    tracestate: { type: 'string' },
  },
};

/**
 * The AsyncAPI 3 document of every subject on the bus, generated from libs/contracts: request/reply
 * subjects (served by one queue group per service) and JetStream event subjects with their streams.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, Schema> = dtoJsonSchemas(SCHEMAS);

  for (const [subject, contract] of Object.entries(RPC_CONTRACTS) as [RpcSubject, (typeof RPC_CONTRACTS)[RpcSubject]][]) {
    const key = keyOf(subject);
    const service = subject.split('.')[0];
    messages[`${key}Request`] = { name: `${key}Request`, headers: TRACE_HEADERS, payload: requestEnvelope(subject, ref(ensureSchema(schemas, contract.request))) };
    messages[`${key}Reply`] = { name: `${key}Reply`, payload: replyEnvelope(contract.response ? ref(ensureSchema(schemas, contract.response)) : {}) };
    channels[key] = {
      address: subject,
      description: contract.summary,
      messages: { request: { $ref: `#/components/messages/${key}Request` }, reply: { $ref: `#/components/messages/${key}Reply` } },
    };
    operations[key] = {
      action: 'receive',
      summary: `${contract.summary} (served by ${service}, queue group "${service}")`,
      channel: { $ref: `#/channels/${key}` },
      messages: [{ $ref: `#/channels/${key}/messages/request` }],
      reply: { address: { location: '$message.header#/reply_to' }, messages: [{ $ref: `#/channels/${key}/messages/reply` }] },
    };
  }

  for (const [subject, contract] of Object.entries(EVENT_CONTRACTS) as [EventSubject, (typeof EVENT_CONTRACTS)[EventSubject]][]) {
    const key = keyOf(subject);
    messages[key] = { name: key, headers: TRACE_HEADERS, payload: eventEnvelope(subject, ensureSchema(schemas, contract.payload)) };
    channels[key] = {
      address: subject,
      description: `${contract.summary}. JetStream stream ${STREAMS[contract.stream].name}; published through the owner's outbox, at least once, deduplicated by Nats-Msg-Id = id.`,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    operations[key] = { action: 'send', summary: contract.summary, channel: { $ref: `#/channels/${key}` }, messages: [{ $ref: `#/channels/${key}/messages/${key}` }] };
  }

  schemas.RpcError = {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { enum: Object.values(ErrorCode) }, message: { type: 'string' }, details: { type: 'object' } },
  };
  // HTTP-only DTOs stay out: the document describes the bus only.
  pruneUnusedSchemas(schemas, messages);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Invoice & Receipt Processor — NATS API',
      version: '1.0.0',
      description:
        'Request/reply subjects (`<service>.<entity>.<verb>.v<n>`) and JetStream domain events (`<service>.events.<entity>.<past-tense>.v<n>`). Events are only ever extended compatibly; a breaking change is a new version subject.',
    },
    defaultContentType: 'application/json',
    servers: { nats: { host: 'nats:4222', protocol: 'nats', description: 'The platform NATS cluster (JetStream enabled)' } },
    channels,
    operations,
    components: { messages, schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) },
  };
}
