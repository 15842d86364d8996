import { Injectable } from '@nestjs/common';
import type { AlertPage, AlertView, ListAlertsQuery } from '@irp/contracts';
import { decodeKeysetCursor, encodeKeysetCursor, type KeysetPosition } from '@irp/persistence';
import { toAlertRaised } from './alert-evaluator';
import type { Alert } from './alert.entity';
import { AlertRepository } from './alert.repository';
import { AlertsErrors } from './alerts.errors';

const DEFAULT_PAGE_SIZE = 50;

export function toAlertView(alert: Alert): AlertView {
  return { ...toAlertRaised(alert), acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null };
}

function decodeCursor(cursor: string): KeysetPosition {
  const position = decodeKeysetCursor(cursor);
  if (!position) throw AlertsErrors.badCursor();
  return position;
}

/** Listing and acknowledging a user's alerts. */
@Injectable()
export class AlertsService {
  constructor(private readonly alerts: AlertRepository) {}

  async list(userId: string, query: ListAlertsQuery): Promise<AlertPage> {
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.alerts.page(userId, { state: query.state ?? 'open', budgetId: query.budgetId }, limit, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toAlertView), nextCursor: rows.length > limit ? encodeKeysetCursor(last.raisedAt, last.id) : null };
  }

  /** Idempotent: acknowledging twice keeps the first time. */
  async acknowledge(userId: string, alertId: string): Promise<AlertView> {
    const alert = await this.alerts.findOwned(userId, alertId);
    if (!alert) throw AlertsErrors.notFound();
    alert.acknowledgedAt ??= new Date();
    await this.alerts.flush();
    return toAlertView(alert);
  }
}
