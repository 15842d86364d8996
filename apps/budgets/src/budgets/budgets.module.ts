import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { SpendModule } from '../spend/spend.module';
import { BudgetRepository } from './budget.repository';
import { BudgetsHandler } from './budgets.handler';
import { BudgetsService } from './budgets.service';
import { ExpensesDirectory } from './expenses-directory';

/** Budgets: CRUD and status over the bus. */
@Module({
  imports: [SpendModule, AlertsModule],
  controllers: [BudgetsHandler],
  providers: [BudgetRepository, BudgetsService, ExpensesDirectory],
  exports: [BudgetRepository],
})
export class BudgetsModule {}
