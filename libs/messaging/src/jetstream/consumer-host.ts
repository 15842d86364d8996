import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventSubject } from '@irp/contracts';
import { NATS_CONNECTION } from '../tokens';
import { DurableConsumer, type DurableConsumerSpec } from './durable-consumer';
import type { declaredConsumer, EventHandlers } from './event-handlers';
import { ensureStreamExists } from './streams';

/** The consumer a host runs: one its service declares, how many at once and so on, its handlers. */
export interface HostedConsumer<S extends EventSubject> {
  declared: ReturnType<typeof declaredConsumer>;
  options?: Omit<DurableConsumerSpec<S>, 'stream' | 'durable' | 'filterSubject'>;
  handlers: EventHandlers<S>;
}

/**
 * Runs one of a service's durable consumers with the application: started once every module is up
 * (its stream made sure of), stopped before shutdown (what it pulled but had not started handed
 * back, what it holds finished). A subclass, a Nest provider, says which consumer and how its
 * events are handled.
 */
export abstract class ConsumerHost<S extends EventSubject> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  @Inject(NATS_CONNECTION) private readonly nc!: NatsConnection;
  @Inject(MikroORM) private readonly orm!: MikroORM;
  private consumer?: DurableConsumer<S>;

  protected abstract consumerToRun(): HostedConsumer<S>;

  async onApplicationBootstrap(): Promise<void> {
    const { declared, options, handlers } = this.consumerToRun();
    await ensureStreamExists(this.nc, declared.stream);
    this.consumer = await DurableConsumer.start(this.nc, this.orm, { ...declared.spec, ...options }, handlers);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
