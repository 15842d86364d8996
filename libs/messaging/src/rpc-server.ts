import {
  Catch,
  Injectable,
  Module,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ServerNats, type CustomStrategy, type NatsContext } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { throwError, tap, finalize, type Observable } from 'rxjs';
import { getLogger, histogram } from '@irp/observability';
import { connectCoalescing } from './coalescing-transport';
import { InFlight } from './in-flight';
import { natsConnectionOptions, type NatsOptions } from './nats.module';
import { toRpcErrorPayload } from './rpc-errors';
import { extractTraceContext } from './trace-context';

const tracer = trace.getTracer('@irp/messaging');
const rpcServerDuration = histogram({
  name: 'rpc_server_duration_seconds',
  help: 'Duration of NATS requests handled by this service',
  labelNames: ['subject', 'outcome'],
});

/** Longest a stopping service waits for the requests it has taken to be answered. */
const RPC_DRAIN_TIMEOUT_MS = 10_000;

type ServerNatsOptions = ReturnType<typeof natsConnectionOptions> & { queue: string };

/**
 * Nest's NATS transport, connected as our own client is (see connectCoalescing), stopping
 * gracefully: its subscriptions are drained, not dropped (requests already on their way to this
 * replica are still taken; new ones go to the others in the queue group), and it waits until every
 * request it took has been answered before the connection closes. Nest's own graceful mode
 * unsubscribes (losing what is in flight to us) and then waits a fixed period, however long the
 * handlers take.
 */
class CoalescingServerNats extends ServerNats {
  private readonly requests = new InFlight();

  constructor(private readonly connectionOptions: ServerNatsOptions) {
    super({ ...connectionOptions, gracefulShutdown: false });
  }

  override createNatsClient(): Promise<NatsConnection> {
    return connectCoalescing(this.connectionOptions);
  }

  /** Counts a request from the moment it is taken until its last packet (the answer or an error) is sent. */
  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: { isDisposed?: boolean; err?: unknown }) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx) as (response: unknown) => unknown;
    const done = this.requests.begin();
    return (response) => {
      const result = publish(response);
      if (response.isDisposed || response.err !== undefined) done();
      return result;
    };
  }

  override async close(): Promise<void> {
    // Nest keeps both private; the drain needs them before its close() drops the connection.
    const own = this as unknown as { natsClient: NatsConnection | null; subscriptions: Subscription[] };
    if (own.natsClient && !own.natsClient.isClosed()) {
      await Promise.all(own.subscriptions.map((subscription) => subscription.drain().catch(() => undefined)));
      own.subscriptions.length = 0;
      await this.requests.idle(RPC_DRAIN_TIMEOUT_MS);
      await own.natsClient.flush().catch(() => undefined);
    }
    await super.close();
  }
}

/** Options for NestFactory.createMicroservice: Nest's NATS transport, one queue group per service. */
export function natsMicroserviceOptions(options: NatsOptions & { queue: string }): CustomStrategy {
  return {
    strategy: new CoalescingServerNats({ ...natsConnectionOptions(options), queue: options.queue }),
  };
}

/** Turns every handler failure into `{ code, message, details }` for the caller. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly log = getLogger(RpcErrorFilter.name);

  catch(error: unknown): Observable<never> {
    const payload = toRpcErrorPayload(error, this.log);
    return throwError(() => payload);
  }
}

/** Continues the caller's trace (context from the NATS headers) and times each request. */
@Injectable()
export class RpcTracingInterceptor implements NestInterceptor {
  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (executionContext.getType() !== 'rpc') return next.handle();
    const nats = executionContext.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const parent = extractTraceContext(nats.getHeaders());
    const span = tracer.startSpan(
      `process ${subject}`,
      { kind: SpanKind.SERVER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.operation.type': 'process' } },
      parent,
    );
    const stopTimer = rpcServerDuration.startTimer({ subject });
    let outcome = 'ok';
    return context.with(trace.setSpan(parent, span), () => next.handle()).pipe(
      tap({
        error: (error: unknown) => {
          outcome = (error as { code?: string })?.code ?? 'error';
          span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        },
      }),
      finalize(() => {
        stopTimer({ outcome });
        span.end();
      }),
    );
  }
}

/**
 * Error model and tracing for a service's NATS handlers. Validation is @Rpc's: it checks each
 * payload against its subject's contract class (a pipe here would transform it first).
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: RpcErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: RpcTracingInterceptor },
  ],
})
export class RpcServerModule {}
