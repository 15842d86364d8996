import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '../tokens';
import { resilientJetStream } from '../jetstream/resilient-jetstream';
import { ensureStream, type StreamSpec } from '../jetstream/streams';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

export interface OutboxModuleOptions extends OutboxRelayOptions {
  /** The streams the service publishes to (its own events, work queues it feeds); created or updated at start. */
  streams: readonly StreamSpec[];
}

const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxModuleOptions,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const stream of this.options.streams) await ensureStream(this.nc, stream);
    this.relay = new OutboxRelay(this.orm, resilientJetStream(this.nc), this.options);
    this.relay.start();
  }

  /**
   * After every beforeApplicationShutdown hook: the consumers and jobs that finished their work
   * while the service stopped have committed their events, which go out before the connections close.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.relay?.flush();
  }
}

/** Runs the outbox relay of a service that publishes events. Needs NatsModule and DatabaseModule. */
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      providers: [{ provide: OUTBOX_OPTIONS, useValue: options }, OutboxRelayRunner],
    };
  }
}
