import { ScheduleModule } from '@nestjs/schedule';
import { BUDGETS_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { Alert } from './alerts/alert.entity';
import { AlertsModule } from './alerts/alerts.module';
import { Budget } from './budgets/budget.entity';
import { BudgetsModule } from './budgets/budgets.module';
import { BUDGETS_CONFIG, loadBudgetsConfig } from './config/env';
import { IntakeModule } from './intake/intake.module';
import { BUDGETS_MIGRATIONS } from './migrations';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { ExpenseProjection } from './spend/expense-projection.entity';
import { SpendVersion } from './spend/spend-version.entity';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { Webhook } from './webhooks/webhook.entity';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The budgets service: spend per period from the expense events, alerts at thresholds, webhooks. */
export const BUDGETS_SERVICE = defineService({
  name: 'budgets',
  schema: 'budgets',
  loadConfig: loadBudgetsConfig,
  configToken: BUDGETS_CONFIG,
  entities: [Budget, ExpenseProjection, SpendVersion, Alert, Webhook, WebhookDelivery],
  migrations: BUDGETS_MIGRATIONS,
  streams: BUDGETS_CONTRACTS.streams,
  features: [ScheduleModule.forRoot(), WebhooksModule, AlertsModule, BudgetsModule, IntakeModule, ReconciliationModule],
});
