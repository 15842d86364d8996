import { Controller } from '@nestjs/common';
import {
  BudgetIdRequest,
  BudgetStatusRequest,
  CreateBudgetRequest,
  ListBudgetsRequest,
  SUBJECTS,
  UpdateBudgetRequest,
  type BudgetList,
  type BudgetStatus,
  type BudgetView,
} from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { toBudgetView } from './budget.mapper';
import { BudgetsService } from './budgets.service';

@Controller()
export class BudgetsHandler {
  constructor(private readonly budgets: BudgetsService) {}

  @Rpc(SUBJECTS.createBudget)
  async create(request: CreateBudgetRequest): Promise<BudgetView> {
    return toBudgetView(await this.budgets.create(request.userId, request.budget));
  }

  @Rpc(SUBJECTS.getBudget)
  async get(request: BudgetIdRequest): Promise<BudgetView> {
    return toBudgetView(await this.budgets.get(request.userId, request.budgetId));
  }

  @Rpc(SUBJECTS.listBudgets)
  async list(request: ListBudgetsRequest): Promise<BudgetList> {
    return { items: (await this.budgets.list(request.userId)).map(toBudgetView) };
  }

  @Rpc(SUBJECTS.updateBudget)
  async update(request: UpdateBudgetRequest): Promise<BudgetView> {
    return toBudgetView(await this.budgets.update(request.userId, request.budgetId, request.changes));
  }

  @Rpc(SUBJECTS.deleteBudget)
  async delete(request: BudgetIdRequest): Promise<{ deleted: true }> {
    await this.budgets.delete(request.userId, request.budgetId);
    return { deleted: true };
  }

  @Rpc(SUBJECTS.getBudgetStatus)
  status(request: BudgetStatusRequest): Promise<BudgetStatus> {
    return this.budgets.status(request.userId, request.budgetId, request.periods);
  }
}
