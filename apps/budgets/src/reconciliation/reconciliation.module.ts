import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { SpendModule } from '../spend/spend.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { SpendReconciler } from './spend-reconciler';

/** The scheduled repair of the projection from the expenses service. */
@Module({
  imports: [SpendModule, AlertsModule, BudgetsModule, WebhooksModule],
  providers: [SpendReconciler, ReconciliationScheduler],
})
export class ReconciliationModule {}
