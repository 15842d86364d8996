import { Controller } from '@nestjs/common';
import { AlertIdRequest, ListAlertsRequest, SUBJECTS, type AlertPage, type AlertView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { AlertsService } from './alerts.service';

@Controller()
export class AlertsHandler {
  constructor(private readonly alerts: AlertsService) {}

  @Rpc(SUBJECTS.listAlerts)
  list(request: ListAlertsRequest): Promise<AlertPage> {
    return this.alerts.list(request.userId, request.query);
  }

  @Rpc(SUBJECTS.acknowledgeAlert)
  acknowledge(request: AlertIdRequest): Promise<AlertView> {
    return this.alerts.acknowledge(request.userId, request.alertId);
  }
}
