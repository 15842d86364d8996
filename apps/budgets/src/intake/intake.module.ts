import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { SpendModule } from '../spend/spend.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ExpenseEventsConsumer } from './expense-events.consumer';
import { SpendProjector } from './spend-projector';

/** The expense events, applied to the projection and the budgets' alerts. */
@Module({
  imports: [SpendModule, AlertsModule, BudgetsModule, WebhooksModule],
  providers: [SpendProjector, ExpenseEventsConsumer],
  exports: [SpendProjector],
})
export class IntakeModule {}
