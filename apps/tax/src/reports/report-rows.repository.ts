import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { Period } from './report-period';
import type { ReportRow } from './report-item';

const PAGE_SIZE = 5000;

const ROW_COLUMNS = sql`id, date::text as date, vendor, category, status, currency, amount_minor::text as "amountMinor",
  converted_minor::text as "convertedMinor", base_currency as "baseCurrency", fx_rate as "fxRate", fx_rate_date::text as "fxRateDate",
  fx_source as "fxSource", document_id as "documentId", tax_lines as "taxLines"`;

/**
 * Reads a user's expenses of a period for a report, category by category, in pages in a stable
 * order (date, id) along the (user, category, date, id) index: a report of any size is read in
 * constant memory, each row once per pass. Plain SQL: rows, not entities.
 */
@Injectable()
export class ReportRowsRepository {
  constructor(private readonly em: EntityManager) {}

  async categoriesIn(userId: string, period: Period): Promise<string[]> {
    const { rows } = await sql<{ category: string }>`select distinct category from tax.expense_tax
        where user_id = ${userId} and date between ${period.from}::date and ${period.to}::date and not deleted
        order by category`.execute(this.em.getKysely());
    return rows.map((row) => row.category);
  }

  async *rowsOfCategory(userId: string, period: Period, category: string): AsyncGenerator<ReportRow> {
    let after = { date: period.from, id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const { rows } = await sql<ReportRow>`select ${ROW_COLUMNS} from tax.expense_tax
          where user_id = ${userId} and category = ${category} and (date, id) > (${after.date}::date, ${after.id}::uuid)
            and date <= ${period.to}::date and not deleted
          order by date, id limit ${PAGE_SIZE}`.execute(this.em.getKysely());
      yield* rows;
      if (rows.length < PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { date: last.date, id: last.id };
    }
  }

  /** The base currency most of the period's expenses are converted into (the report's), or null without any. */
  async mainCurrency(userId: string, period: Period): Promise<string | null> {
    const { rows } = await sql<{ currency: string }>`select base_currency as currency from tax.expense_tax
        where user_id = ${userId} and not deleted and date between ${period.from}::date and ${period.to}::date and base_currency is not null
        group by base_currency order by count(*) desc, base_currency limit 1`.execute(this.em.getKysely());
    return rows[0]?.currency ?? null;
  }
}
