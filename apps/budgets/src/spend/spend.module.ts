import { Module } from '@nestjs/common';
import { BudgetMeter } from './budget-meter';
import { ExpenseProjectionRepository } from './expense-projection.repository';

/** The expense projection and what budgets read from it. */
@Module({
  providers: [ExpenseProjectionRepository, BudgetMeter],
  exports: [ExpenseProjectionRepository, BudgetMeter],
})
export class SpendModule {}
