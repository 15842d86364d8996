import { Injectable } from '@nestjs/common';
import { SUBJECTS, TAX_CONTRACTS } from '@irp/contracts';
import { ConsumerHost, declaredConsumer, type HostedConsumer } from '@irp/messaging';
import { ExpenseEventsApplier } from './expense-events.applier';

type ExpenseEvent = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/** Keeps the projection from the expenses stream: every event applied once (inbox), in any order (versions). */
@Injectable()
export class ExpenseEventsConsumer extends ConsumerHost<ExpenseEvent> {
  constructor(private readonly applier: ExpenseEventsApplier) {
    super();
  }

  protected consumerToRun(): HostedConsumer<ExpenseEvent> {
    return {
      declared: declaredConsumer(TAX_CONTRACTS, 'tax-expenses'),
      options: { concurrency: 4 },
      handlers: {
        [SUBJECTS.expenseCreated]: (data, event) => this.applier.apply(event, data.expense, false),
        [SUBJECTS.expenseUpdated]: (data, event) => this.applier.apply(event, data.expense, false),
        [SUBJECTS.expenseDeleted]: (data, event) => this.applier.apply(event, data.expense, true),
      },
    };
  }
}
