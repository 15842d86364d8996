import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { BUDGETS_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { declaredConsumer, DurableConsumer, ensureStreamExists, NATS_CONNECTION } from '@irp/messaging';
import { SpendProjector } from './spend-projector';

type ExpenseEvent = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/** Subscribes budgets to the expense events (stream EXPENSES), each applied once. */
@Injectable()
export class ExpenseEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer<ExpenseEvent>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly projector: SpendProjector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { stream, spec } = declaredConsumer(BUDGETS_CONTRACTS, 'budgets-expenses');
    await ensureStreamExists(this.nc, stream);
    this.consumer = await DurableConsumer.start(
      this.nc,
      this.orm,
      // Events of different users commute (each takes its owner's lock); one user's wait on each other.
      { ...spec, concurrency: 4 },
      {
        [SUBJECTS.expenseCreated]: (data, event) => this.projector.apply(event, data.expense, false),
        [SUBJECTS.expenseUpdated]: (data, event) => this.projector.apply(event, data.expense, false),
        [SUBJECTS.expenseDeleted]: (data, event) => this.projector.apply(event, data.expense, true),
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
