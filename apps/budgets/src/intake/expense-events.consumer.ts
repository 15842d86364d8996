import { Injectable } from '@nestjs/common';
import { BUDGETS_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { ConsumerHost, declaredConsumer, type HostedConsumer } from '@irp/messaging';
import { SpendProjector } from './spend-projector';

type ExpenseEvent = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/** Subscribes budgets to the expense events (stream EXPENSES), each applied once. */
@Injectable()
export class ExpenseEventsConsumer extends ConsumerHost<ExpenseEvent> {
  constructor(private readonly projector: SpendProjector) {
    super();
  }

  protected consumerToRun(): HostedConsumer<ExpenseEvent> {
    return {
      declared: declaredConsumer(BUDGETS_CONTRACTS, 'budgets-expenses'),
      // Events of different users commute (each takes its owner's lock); one user's wait on each other.
      options: { concurrency: 4 },
      handlers: {
        [SUBJECTS.expenseCreated]: (data, event) => this.projector.apply(event, data.expense, false),
        [SUBJECTS.expenseUpdated]: (data, event) => this.projector.apply(event, data.expense, false),
        [SUBJECTS.expenseDeleted]: (data, event) => this.projector.apply(event, data.expense, true),
      },
    };
  }
}
