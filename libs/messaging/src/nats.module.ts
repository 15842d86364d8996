import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { inboxPrefixOf } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { connectCoalescing } from './coalescing-transport';
import { resilientJetStream } from './jetstream/resilient-jetstream';
import { setStreamReplicas } from './jetstream/stream-replicas';
import { RpcClient } from './rpc-client';
import { JETSTREAM, NATS_CONNECTION } from './tokens';


export interface NatsOptions {
  url: string;
  /** Client name shown by the server (monitoring, `nats server report connections`). */
  name: string;
  /** Default timeout of RpcClient requests. */
  requestTimeoutMs?: number;
  /** The service's own NATS user (its least-privilege permissions) and password. */
  credentials?: { user: string; password: string };
  /** Replicas of the streams and buckets created on this connection (NATS_STREAM_REPLICAS); default 1. */
  streamReplicas?: number;
}

/** Connection options shared by our client and Nest's NATS transport: reconnect forever, quickly. */
export function natsConnectionOptions(options: NatsOptions) {
  return {
    servers: options.url.split(','),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
    // Otherwise every request builds an Error up front to keep an async stack trace: measurable per call.
    noAsyncTraces: true,
    ...(options.credentials && {
      user: options.credentials.user,
      pass: options.credentials.password,
      // Replies come back under the user's own prefix, the only inboxes it may subscribe to.
      inboxPrefix: inboxPrefixOf(options.credentials.user),
    }),
  };
}

export async function connectNats(options: NatsOptions): Promise<NatsConnection> {
  const log = getLogger('Nats');
  const nc = await connectCoalescing(natsConnectionOptions(options));
  if (options.streamReplicas !== undefined) setStreamReplicas(nc, options.streamReplicas);
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') log.warn({ server: status.server }, `nats ${status.type}`);
    }
  })();
  return nc;
}

/** Readiness: a round trip to the NATS server. */
@Injectable()
export class NatsHealth {
  readonly name = 'nats';

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async check(signal: AbortSignal): Promise<void> {
    if (this.nc.isClosed()) throw new Error('connection closed');
    await Promise.race([
      this.nc.flush(),
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('nats check timed out')), { once: true })),
    ]);
  }
}

@Injectable()
class NatsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

/** One NATS connection per service for outgoing RPC calls, JetStream and health. */
@Global()
@Module({})
export class NatsModule {
  static forRoot(options: NatsOptions): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        { provide: NATS_CONNECTION, useFactory: () => connectNats(options) },
        { provide: JETSTREAM, useFactory: (nc: NatsConnection) => resilientJetStream(nc), inject: [NATS_CONNECTION] },
        NatsHealth,
        NatsLifecycle,
        {
          provide: RpcClient,
          useFactory: (nc: NatsConnection) => new RpcClient(nc, options.requestTimeoutMs),
          inject: [NATS_CONNECTION],
        },
      ],
      exports: [NATS_CONNECTION, JETSTREAM, NatsHealth, RpcClient],
    };
  }
}

export type { JetStreamClient, NatsConnection };
