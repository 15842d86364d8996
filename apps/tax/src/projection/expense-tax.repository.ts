import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { ExpenseTax } from './expense-tax.entity';

export type ExpenseTaxFields = Omit<ExpenseTax, 'amountMinor' | 'convertedMinor'> & { amountMinor: string; convertedMinor: string | null };

@Injectable()
export class ExpenseTaxRepository {
  constructor(private readonly em: EntityManager) {}

  async ownerOf(id: string): Promise<string | null> {
    const { rows } = await sql<{ userId: string }>`select user_id as "userId" from tax.expense_tax where id = ${id}`.execute(this.em.getKysely());
    return rows[0]?.userId ?? null;
  }

  findLive(userId: string, id: string): Promise<ExpenseTax | null> {
    return this.em.findOne(ExpenseTax, { id, userId, deleted: false });
  }

  /**
   * Keeps the newest state: a version only replaces an older one, and a deletion also replaces the
   * same version (a deleted event carries the last version). So any order, and any repetition, of
   * an expense's events leaves the same row. Returns whether the row changed.
   */
  async apply(state: ExpenseTaxFields): Promise<boolean> {
    const result = await sql`insert into tax.expense_tax
        (id, user_id, version, deleted, date, vendor, category, status, currency, amount_minor, converted_minor,
         base_currency, fx_rate, fx_rate_date, fx_source, document_id, tax_lines)
      values (${state.id}, ${state.userId}, ${state.version}, ${state.deleted}, ${state.date}::date, ${state.vendor}, ${state.category},
         ${state.status}, ${state.currency}, ${state.amountMinor}::bigint, ${state.convertedMinor}::bigint, ${state.baseCurrency},
         ${state.fxRate}, ${state.fxRateDate}::date, ${state.fxSource}, ${state.documentId}::uuid, ${JSON.stringify(state.taxLines)}::jsonb)
      on conflict (id) do update set
        version = excluded.version, deleted = excluded.deleted, date = excluded.date, vendor = excluded.vendor,
        category = excluded.category, status = excluded.status, currency = excluded.currency, amount_minor = excluded.amount_minor,
        converted_minor = excluded.converted_minor, base_currency = excluded.base_currency, fx_rate = excluded.fx_rate,
        fx_rate_date = excluded.fx_rate_date, fx_source = excluded.fx_source, document_id = excluded.document_id, tax_lines = excluded.tax_lines
      where expense_tax.version < excluded.version
         or (excluded.deleted and not expense_tax.deleted and expense_tax.version = excluded.version)`.execute(this.em.getKysely());
    return (result.numAffectedRows ?? 0n) > 0n;
  }
}
