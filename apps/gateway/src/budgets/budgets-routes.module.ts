import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';
import { BudgetsController } from './budgets.controller';
import { WebhooksController } from './webhooks.controller';

export const BUDGETS_CONTROLLERS = [BudgetsController, AlertsController, WebhooksController];

/** The budgets service's routes: budgets, their alerts, and webhooks for the alerts. */
@Module({ controllers: BUDGETS_CONTROLLERS })
export class BudgetsRoutesModule {}
