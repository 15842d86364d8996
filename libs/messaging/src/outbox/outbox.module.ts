import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
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
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
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

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
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
