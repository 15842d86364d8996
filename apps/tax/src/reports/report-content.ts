import type { TaxReportFormat } from '@irp/contracts';
import type { CategoryRules } from '../profiles/category-rules';
import type { Period } from './report-period';
import { reportItem, type ReportItem } from './report-item';
import type { ReportRowsRepository } from './report-rows.repository';
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

  /** Every expense as a report item, line by line in the profile's order (within a line by category, then date). */
  async *items(): AsyncGenerator<ReportItem> {
    const options = { currency: this.header.currency, estimateMissingTax: this.header.estimateMissingTax };
    for (const categories of (await this.categoriesByLine()).values()) {
      for (const category of categories) {
        for await (const row of this.rows.rowsOfCategory(this.userId, this.header.period, category)) yield reportItem(row, this.rules, options);
      }
    }
  }

  async summary(): Promise<ReportSummary> {
    const summary = new ReportSummary(this.rules.lineOrder());
    for await (const item of this.items()) summary.add(item);
    return summary;
  }

  private async categoriesByLine(): Promise<Map<string, string[]>> {
    const byLine = new Map(this.rules.lineOrder().map((code): [string, string[]] => [code, []]));
    for (const category of await this.rows.categoriesIn(this.userId, this.header.period)) byLine.get(this.rules.for(category).line)?.push(category);
    return byLine;
  }
}

export const CONTENT_TYPES: Record<TaxReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** Where a client downloads an expense's receipt. */
export const documentUrl = (documentId: string | null): string | null => (documentId ? `/api/v1/documents/${documentId}/file` : null);
