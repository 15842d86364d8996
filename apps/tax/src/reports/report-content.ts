import type { TaxReportFormat } from '@irp/contracts';
import type { CategoryRules } from '../profiles/category-rules';
import type { Period } from './report-period';
import { reportItem, type ReportItem } from './report-item';
import type { LineSelection, ReportRowsRepository } from './report-rows.repository';
import { ReportSummary } from './report-summary';

/** What every format states about a report besides its numbers. */
export interface ReportHeader {
  id: string;
  generatedAt: string;
  period: Period;
  /** The currency of every amount: the ledger's base currency. */
  currency: string;
  estimateMissingTax: boolean;
}

/**
 * A report's content, read from the projection as often as a format needs it: items line by line
 * (each line's expenses by date), and the summary of all of them. Nothing is held but the totals.
 */
export class ReportContent {
  constructor(
    private readonly rows: ReportRowsRepository,
    private readonly userId: string,
    readonly header: ReportHeader,
    readonly rules: CategoryRules,
  ) {}

  static async open(rows: ReportRowsRepository, userId: string, header: Omit<ReportHeader, 'currency'>, rules: CategoryRules): Promise<ReportContent> {
    const currency = (await rows.mainCurrency(userId, header.period)) ?? rules.profile.currency;
    return new ReportContent(rows, userId, { ...header, currency }, rules);
  }

  async *items(): AsyncGenerator<ReportItem> {
    const options = { currency: this.header.currency, estimateMissingTax: this.header.estimateMissingTax };
    for (const [code, selection] of this.selections()) {
      for await (const row of this.rows.rowsOfLine(this.userId, this.header.period, selection)) {
        const item = reportItem(row, this.rules, options);
        if (item.line === code) yield item;
      }
    }
  }

  async summary(): Promise<ReportSummary> {
    const summary = new ReportSummary(this.rules.lineOrder());
    for await (const item of this.items()) summary.add(item);
    return summary;
  }

  private selections(): [string, LineSelection][] {
    const entries = this.rules.entries();
    const fallback = this.rules.profile.fallbackLine;
    return this.rules.lineOrder().map((code) => {
      const categories = entries.filter(([, rule]) => rule.line === code).map(([category]) => category);
      return [code, code === fallback ? { categories, exceptMapped: entries.map(([category]) => category) } : { categories }];
    });
  }
}

export const CONTENT_TYPES: Record<TaxReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** Where a client downloads an expense's receipt. */
export const documentUrl = (documentId: string | null): string | null => (documentId ? `/api/v1/documents/${documentId}/file` : null);
