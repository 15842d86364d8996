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
import type { NatsConnection } from '@nats-io/transport-node';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { throwError, tap, finalize, type Observable } from 'rxjs';
import { getLogger, histogram } from '@irp/observability';
import { connectCoalescing } from './coalescing-transport';
import { natsConnectionOptions, type NatsOptions } from './nats.module';
import { toRpcErrorPayload } from './rpc-errors';
import { extractTraceContext } from './trace-context';

const tracer = trace.getTracer('@irp/messaging');
const rpcServerDuration = histogram({
  name: 'rpc_server_duration_seconds',
  help: 'Duration of NATS requests handled by this service',
  labelNames: ['subject', 'outcome'],
});

/** Nest's NATS transport, connected as our own client is (see connectCoalescing). */
class CoalescingServerNats extends ServerNats {
  constructor(private readonly connectionOptions: ReturnType<typeof natsConnectionOptions> & { queue: string; gracefulShutdown: boolean; gracePeriod: number }) {
    super(connectionOptions);
  }

  override createNatsClient(): Promise<NatsConnection> {
    return connectCoalescing(this.connectionOptions);
  }
}

/** Options for NestFactory.createMicroservice: Nest's NATS transport, one queue group per service. */
export function natsMicroserviceOptions(options: NatsOptions & { queue: string }): CustomStrategy {
  return {
    strategy: new CoalescingServerNats({ ...natsConnectionOptions(options), queue: options.queue, gracefulShutdown: true, gracePeriod: 2_000 }),
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
