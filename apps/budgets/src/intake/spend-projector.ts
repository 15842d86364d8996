import { Injectable } from '@nestjs/common';
import type { EventEnvelope, ExpenseSnapshot } from '@irp/contracts';
import { assertOwner } from '@irp/messaging';
import { OwnerLock } from '@irp/persistence';
import { AlertEvaluator } from '../alerts/alert-evaluator';
import { BudgetRepository } from '../budgets/budget.repository';
import { ExpenseProjectionRepository, type ProjectedExpense } from '../spend/expense-projection.repository';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

export function projectionOf(expense: ExpenseSnapshot, deleted: boolean): ProjectedExpense {
  return {
    expenseId: expense.id,
    userId: expense.userId,
    version: expense.version,
    deleted,
    date: expense.date,
    categoryId: expense.category.id,
    tags: expense.tags,
    convertedMinor: expense.convertedAmountMinor === null ? null : BigInt(expense.convertedAmountMinor),
    currency: expense.converted?.currency ?? null,
  };
}

/**
 * Applies an expense event to the projection (inside the consumer's transaction, once per event
 * through the inbox) and, when it changed anything, evaluates the owner's budgets. The owner's lock
 * serialises this with other events, budget changes and reconciliation of the same user, so two
 * replicas never both miss a crossing.
 */
@Injectable()
export class SpendProjector {
  constructor(
    private readonly projection: ExpenseProjectionRepository,
    private readonly budgets: BudgetRepository,
    private readonly evaluator: AlertEvaluator,
    private readonly ownerLock: OwnerLock,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /** Returns what to do once the transaction commits: wake the webhook dispatcher when alerts were raised. */
  async apply(event: EventEnvelope, expense: ExpenseSnapshot, deleted: boolean): Promise<(() => void) | void> {
    assertOwner(event, expense.userId, `expense ${expense.id}`);
    await this.ownerLock.take(expense.userId);
    if (!(await this.projection.apply(projectionOf(expense, deleted)))) {
      const owner = await this.projection.ownerOf(expense.id);
      if (owner) assertOwner(event, owner, `expense ${expense.id}`);
      return; // an older state than the one applied already (out of order, or replayed)
    }
    let raised = 0;
    for (const budget of await this.budgets.ofUser(expense.userId)) raised += (await this.evaluator.evaluate(budget)).length;
    if (raised > 0) return () => this.dispatcher.kick();
  }
}
