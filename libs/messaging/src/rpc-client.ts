import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import { errors as natsErrors, type NatsConnection } from '@nats-io/transport-node';
import CircuitBreaker from 'opossum';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, ErrorCode, isRpcErrorPayload, type RpcRequest, type RpcResponse, type RpcSubject } from '@irp/contracts';
import { histogram } from '@irp/observability';
import { isNatsTimeout, isNoResponders } from './nats-errors';
import { injectTraceContext } from './trace-context';

export interface RequestOptions {
  /** A request that outlives it fails as UNAVAILABLE. Default: the client's (5 s unless configured). */
  timeoutMs?: number;
}

export const RPC_DEFAULT_TIMEOUT_MS = 5_000;
const tracer = trace.getTracer('@irp/messaging');
const rpcClientDuration = histogram({
  name: 'rpc_client_duration_seconds',
  help: 'Duration of NATS requests made by this service',
  labelNames: ['subject', 'outcome'],
});

/**
 * Waits before sending again a request nobody was subscribed to receive. Just after a NATS server
 * is lost, its clients reconnect to the others before their subscriptions are known there, so a
 * running service can look absent for a moment. Nobody received the request, so any call may be
 * sent again; a service really down answers UNAVAILABLE about a second later than at once.
 */
const NO_RESPONDERS_RETRY_MS = [100, 300, 600];

/** Verbs (a subject's third part) of the calls that only read. */
const READ_VERBS = new Set(['get', 'list', 'status', 'deliveries']);

/**
 * A call that may be sent again when it timed out: one that only reads, or a write carrying the
 * caller's idempotency key (the service answers a repeat with the first outcome). A timeout is
 * what a request to a replica that died with it in hand looks like (its queue group's other
 * replicas never saw it).
 */
function repeatable(subject: string, payload: unknown): boolean {
  return READ_VERBS.has(subject.split('.')[2]) || typeof (payload as { idempotencyKey?: unknown } | null)?.idempotencyKey === 'string';
}

/** Sends again, after each of NO_RESPONDERS_RETRY_MS, while nobody received the request; rethrows anything else. */
async function sendAgainWhileNoResponders(send: () => Promise<unknown>, error: unknown, span: Span): Promise<unknown> {
  let last = error;
  for (const delayMs of NO_RESPONDERS_RETRY_MS) {
    if (!isNoResponders(last)) break;
    span.addEvent('no responders; sent again');
    await sleep(delayMs);
    try {
      return await send();
    } catch (next) {
      last = next;
    }
  }
  throw last;
}

/** Nest's NATS transport wire format: request `{pattern, data, id}`, reply `{id, response?, err?}`. */
interface NestReply {
  response?: unknown;
  err?: unknown;
}

/**
 * Typed request/reply over NATS. A subject can only carry its own request and response types
 * (libs/contracts RpcMap). Speaks Nest's NATS transport format over `nc.request()`, which answers
 * "no responders" when a service is down instead of waiting out the timeout.
 * Each target service has its own circuit breaker: while open, calls fail fast with UNAVAILABLE.
 * A repeatable call that times out is sent once more (another replica takes it); a call that found
 * no responder is sent again for about a second.
 */
export class RpcClient {
  private readonly breakers = new Map<string, CircuitBreaker<[string, unknown, number], unknown>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly defaultTimeoutMs = RPC_DEFAULT_TIMEOUT_MS,
  ) {}

  async request<S extends RpcSubject>(subject: S, payload: RpcRequest<S>, options: RequestOptions = {}): Promise<RpcResponse<S>> {
    const span = tracer.startSpan(`send ${subject}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.operation.type': 'send' },
    });
    const stopTimer = rpcClientDuration.startTimer({ subject });
    try {
      const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
      const send = () => context.with(trace.setSpan(context.active(), span), () => this.breakerFor(subject).fire(subject, payload, timeout));
      const result = await send()
        .catch((error: unknown) => sendAgainWhileNoResponders(send, error, span))
        .catch((error: unknown) => {
          if (!isNatsTimeout(error) || !repeatable(subject, payload)) throw error;
          span.addEvent('timed out; sent again');
          return send();
        });
      stopTimer({ outcome: 'ok' });
      return result as RpcResponse<S>;
    } catch (error) {
      const domainError = this.toDomainError(subject, error);
      stopTimer({ outcome: domainError.code });
      span.setStatus({ code: SpanStatusCode.ERROR, message: domainError.code });
      throw domainError;
    } finally {
      span.end();
    }
  }

  private async send(subject: string, payload: unknown, timeout: number): Promise<unknown> {
    const body = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });
    const reply = await this.nc.request(subject, body, { timeout, headers: injectTraceContext() });
    const { response, err } = reply.json<NestReply>();
    if (err !== undefined && err !== null) {
      throw isRpcErrorPayload(err) ? DomainError.fromPayload(err) : new DomainError(ErrorCode.INTERNAL, 'the service failed');
    }
    return response;
  }

  private breakerFor(subject: string): CircuitBreaker<[string, unknown, number], unknown> {
    const service = subject.split('.')[0];
    let breaker = this.breakers.get(service);
    if (!breaker) {
      breaker = new CircuitBreaker((s: string, p: unknown, t: number) => this.send(s, p, t), {
        name: service,
        timeout: false, // each request has its own timeout
        resetTimeout: 5_000,
        rollingCountTimeout: 10_000,
        volumeThreshold: 10,
        errorThresholdPercentage: 50,
        // An answer, even an error answer, means the service is up; only transport failures count.
        errorFilter: (error: unknown) => error instanceof DomainError && error.code !== ErrorCode.UNAVAILABLE,
      });
      this.breakers.set(service, breaker);
    }
    return breaker;
  }

  private toDomainError(subject: string, error: unknown): DomainError {
    if (error instanceof DomainError) return error;
    const service = subject.split('.')[0];
    if (error instanceof Error && error.message === 'Breaker is open') {
      return new DomainError(ErrorCode.UNAVAILABLE, `${service} is unavailable, try again shortly`);
    }
    if (error instanceof natsErrors.RequestError && error.isNoResponders()) {
      return new DomainError(ErrorCode.UNAVAILABLE, `${service} is not running`);
    }
    if (isNatsTimeout(error)) {
      return new DomainError(ErrorCode.UNAVAILABLE, `${service} did not answer in time`);
    }
    return new DomainError(ErrorCode.UNAVAILABLE, `${service} could not be reached`);
  }
}
