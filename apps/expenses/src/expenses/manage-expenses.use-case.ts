import { Injectable } from '@nestjs/common';
import type { CreateExpenseBody, ExpenseView, UpdateExpenseBody } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { OwnerLock, UnitOfWork } from '@irp/persistence';
import { DocumentLinks } from './document-links';
import { ExpenseDuplicatePointers } from './expense-duplicate-pointers';
import { ExpenseBuilder } from './expense-builder';
import { ExpenseChanges } from './expense-changes';
import { ExpenseCorrections } from './expense-corrections';
import { ExpenseEvents } from './expense-events';
import { toExpenseView } from './expense.mapper';
import { ExpenseQueries } from './expense-queries';
import { ExpenseRepository } from './expense.repository';
import { ExpensesErrors, IdempotencyKeyTaken } from './expenses.errors';
import { IdempotentRequests, requestHash } from './idempotent-requests';

/** What a user does to their expenses directly: create, update, delete; each one transaction with its event. */
@Injectable()
export class ManageExpenses {
  private readonly log = getLogger(ManageExpenses.name);

  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly queries: ExpenseQueries,
    private readonly builder: ExpenseBuilder,
    private readonly changes: ExpenseChanges,
    private readonly corrections: ExpenseCorrections,
    private readonly idempotency: IdempotentRequests,
    private readonly events: ExpenseEvents,
    private readonly duplicates: ExpenseDuplicatePointers,
    private readonly documents: DocumentLinks,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(userId: string, body: CreateExpenseBody, idempotencyKey?: string): Promise<ExpenseView> {
    const hash = requestHash(body);
    if (idempotencyKey) {
      const earlier = await this.idempotency.earlierAnswer(userId, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    const expense = await this.builder.build(userId, body);
    try {
      return await this.unitOfWork.run(async () => {
        this.expenses.add(expense);
        await this.expenses.flush();
        this.events.created(expense);
        const view = toExpenseView(expense);
        if (idempotencyKey) await this.idempotency.remember(userId, idempotencyKey, hash, view);
        this.log.info({ expenseId: expense.id }, 'expense created');
        return view;
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: answer what it created.
      if (idempotencyKey && error instanceof IdempotencyKeyTaken) {
        const earlier = await this.idempotency.earlierAnswer(userId, idempotencyKey, hash);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  async update(userId: string, expenseId: string, changes: UpdateExpenseBody, expectedVersion?: number): Promise<ExpenseView> {
    return this.unitOfWork.run(async () => {
      const expense = await this.queries.owned(userId, expenseId);
      if (expectedVersion !== undefined && expense.version !== expectedVersion) throw ExpensesErrors.staleVersion(expense.version);
      const changed = await this.changes.apply(expense, changes);
      if (changed.length === 0) return toExpenseView(expense);
      this.corrections.record(expense, changed);
      await this.expenses.flushVersioned(expense);
      this.events.updated(expense, changed);
      return toExpenseView(expense);
    });
  }

  /** The documents it was filed from stay, no longer pointing at it; so do its duplicates. */
  async delete(userId: string, expenseId: string, expectedVersion?: number): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.ownerLock.take(userId);
      const expense = await this.queries.owned(userId, expenseId);
      if (expectedVersion !== undefined && expense.version !== expectedVersion) throw ExpensesErrors.staleVersion(expense.version);
      this.events.deleted(expense);
      this.expenses.remove(expense);
      await this.expenses.flushVersioned(expense);
      await this.documents.expenseDeleted(userId, expenseId);
      await this.duplicates.forget(userId, { expenseId });
    });
  }
}
