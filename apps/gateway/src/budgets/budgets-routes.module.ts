import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';
import { BudgetsController } from './budgets.controller';
import { WebhooksController } from './webhooks.controller';

/** The budgets service's routes: budgets, their alerts, and webhooks for the alerts. */
@Module({ controllers: [BudgetsController, AlertsController, WebhooksController] })
export class BudgetsRoutesModule {}
