import { Controller } from '@nestjs/common';
import {
  CreateExpenseRequest,
  DeleteExpenseRequest,
  ExpenseIdRequest,
  ListExpensesRequest,
  MergeCategoryRequest,
  SUBJECTS,
  UpdateExpenseRequest,
  type CategoryView,
  type ExpensePage,
  type ExpenseView,
} from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { toCategoryView } from '../categories/categories.handler';
import { CategoryMergeService } from './category-merge.service';
import { ExpenseQueries } from './expense-queries';
import { ManageExpenses } from './manage-expenses.use-case';

@Controller()
export class ExpensesHandler {
  constructor(
    private readonly expenses: ManageExpenses,
    private readonly queries: ExpenseQueries,
    private readonly merges: CategoryMergeService,
  ) {}

  @Rpc(SUBJECTS.createExpense)
  create(request: CreateExpenseRequest): Promise<ExpenseView> {
    return this.expenses.create(request.userId, request.expense, request.idempotencyKey);
  }

  @Rpc(SUBJECTS.getExpense)
  get(request: ExpenseIdRequest): Promise<ExpenseView> {
    return this.queries.get(request.userId, request.expenseId);
  }

  @Rpc(SUBJECTS.listExpenses)
  list(request: ListExpensesRequest): Promise<ExpensePage> {
    return this.queries.list(request.userId, request.query);
  }

  @Rpc(SUBJECTS.updateExpense)
  update(request: UpdateExpenseRequest): Promise<ExpenseView> {
    return this.expenses.update(request.userId, request.expenseId, request.changes, request.expectedVersion);
  }

  @Rpc(SUBJECTS.deleteExpense)
  async delete(request: DeleteExpenseRequest): Promise<{ deleted: true }> {
    await this.expenses.delete(request.userId, request.expenseId, request.expectedVersion);
    return { deleted: true };
  }

  @Rpc(SUBJECTS.mergeCategory)
  async mergeCategory(request: MergeCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.merges.merge(request.userId, request.categoryId, request.into));
  }
}
