import { Module } from '@nestjs/common';
import { SpendModule } from '../spend/spend.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AlertEvaluator } from './alert-evaluator';
import { AlertRepository } from './alert.repository';
import { AlertsHandler } from './alerts.handler';
import { AlertsService } from './alerts.service';

/** Alerts: raised when spend crosses a threshold, listed and acknowledged by their user. */
@Module({
  imports: [SpendModule, WebhooksModule],
  controllers: [AlertsHandler],
  providers: [AlertRepository, AlertEvaluator, AlertsService],
  exports: [AlertEvaluator, AlertRepository],
})
export class AlertsModule {}
