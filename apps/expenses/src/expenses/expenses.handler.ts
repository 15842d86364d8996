import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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
import { toCategoryView } from '../categories/categories.handler';
import { CategoryMergeService } from './category-merge.service';
import { ExpensesService } from './expenses.service';

@Controller()
export class ExpensesHandler {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly merges: CategoryMergeService,
  ) {}

  @MessagePattern(SUBJECTS.createExpense)
  create(@Payload() request: CreateExpenseRequest): Promise<ExpenseView> {
    return this.expenses.create(request.userId, request.expense, request.idempotencyKey);
  }

  @MessagePattern(SUBJECTS.getExpense)
  get(@Payload() request: ExpenseIdRequest): Promise<ExpenseView> {
    return this.expenses.get(request.userId, request.expenseId);
  }

  @MessagePattern(SUBJECTS.listExpenses)
  list(@Payload() request: ListExpensesRequest): Promise<ExpensePage> {
    return this.expenses.list(request.userId, request.query);
  }

  @MessagePattern(SUBJECTS.updateExpense)
  update(@Payload() request: UpdateExpenseRequest): Promise<ExpenseView> {
    return this.expenses.update(request.userId, request.expenseId, request.changes, request.expectedVersion);
  }

  @MessagePattern(SUBJECTS.deleteExpense)
  async delete(@Payload() request: DeleteExpenseRequest): Promise<{ deleted: true }> {
    await this.expenses.delete(request.userId, request.expenseId, request.expectedVersion);
    return { deleted: true };
  }

  @MessagePattern(SUBJECTS.mergeCategory)
  async mergeCategory(@Payload() request: MergeCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.merges.merge(request.userId, request.categoryId, request.into));
  }
}
