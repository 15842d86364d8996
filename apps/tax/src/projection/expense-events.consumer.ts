import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { SUBJECTS, TAX_CONTRACTS } from '@irp/contracts';
import { declaredConsumer, DurableConsumer, ensureStreamExists, NATS_CONNECTION } from '@irp/messaging';
import { ExpenseEventsApplier } from './expense-events.applier';

type ExpenseEvent = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/** Keeps the projection from the expenses stream: every event applied once (inbox), in any order (versions). */
@Injectable()
export class ExpenseEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer<ExpenseEvent>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly applier: ExpenseEventsApplier,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { stream, spec } = declaredConsumer(TAX_CONTRACTS, 'tax-expenses');
    await ensureStreamExists(this.nc, stream);
    this.consumer = await DurableConsumer.start(
      this.nc,
      this.orm,
      { ...spec, concurrency: 4 },
      {
        [SUBJECTS.expenseCreated]: (data, event) => this.applier.apply(event, data.expense, false),
        [SUBJECTS.expenseUpdated]: (data, event) => this.applier.apply(event, data.expense, false),
        [SUBJECTS.expenseDeleted]: (data, event) => this.applier.apply(event, data.expense, true),
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
