import { Injectable } from '@nestjs/common';
import type { AlertPage, AlertView, ListAlertsQuery } from '@irp/contracts';
import { toAlertRaised } from './alert-evaluator';
import type { Alert } from './alert.entity';
import { AlertRepository, type AlertPosition } from './alert.repository';
import { AlertsErrors } from './alerts.errors';

const DEFAULT_PAGE_SIZE = 50;

export function toAlertView(alert: Alert): AlertView {
  return { ...toAlertRaised(alert), acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null };
}

function encodeCursor(alert: Alert): string {
  return Buffer.from(JSON.stringify([alert.raisedAt.toISOString(), alert.id])).toString('base64url');
}

function decodeCursor(cursor: string): AlertPosition {
  try {
    const [raisedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof raisedAt === 'string' && !Number.isNaN(Date.parse(raisedAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { raisedAt, id };
  } catch {
    // falls through to the error below
  }
  throw AlertsErrors.badCursor();
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
    return { items: items.map(toAlertView), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
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
