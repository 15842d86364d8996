import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FxRate } from './fx-rate.entity';

/** Rates of both currencies of a pair on one day (EUR, the base, is always 1). */
export interface RatePair {
  date: string;
  from: string;
  to: string;
}

@Injectable()
export class FxRateRepository {
  constructor(private readonly em: EntityManager) {}

  /** Inserts or corrects rates (a source may republish a day), all or none. */
  async upsert(rates: FxRate[]): Promise<void> {
    await this.em.transactional(async (tx) => {
      for (let i = 0; i < rates.length; i += 1000) {
        await tx
          .createQueryBuilder(FxRate)
          .insert(rates.slice(i, i + 1000).map((r) => ({ source: r.source, date: r.date, currency: r.currency, rate: r.rate })))
          .onConflict(['source', 'date', 'currency'])
          .merge(['rate'])
          .execute();
      }
    });
  }

  /**
   * The latest day on or before `date` (at most `lookbackDays` earlier) on which the source has a
   * rate for every needed currency, with those rates.
   */
  async findRates(source: string, currencies: string[], date: string, lookbackDays: number): Promise<{ date: string; rates: Map<string, string> } | null> {
    const rows = await this.em.execute<{ date: string; currency: string; rate: string }[]>(
      `select to_char(date, 'YYYY-MM-DD') as date, currency, rate::text as rate
         from expenses.fx_rate
        where source = ? and currency in (?) and date <= ?::date and date >= ?::date - ?::int
        order by date desc`,
      [source, currencies, date, date, lookbackDays],
    );
    const byDate = new Map<string, Map<string, string>>();
    for (const row of rows) {
      const day = byDate.get(row.date) ?? new Map<string, string>();
      day.set(row.currency, row.rate);
      byDate.set(row.date, day);
    }
    for (const [day, rates] of byDate) if (currencies.every((c) => rates.has(c))) return { date: day, rates };
    return null;
  }

  async latestDate(source: string): Promise<string | null> {
    const [row] = await this.em.execute<{ date: string | null }[]>(
      `select to_char(max(date), 'YYYY-MM-DD') as date from expenses.fx_rate where source = ?`,
      [source],
    );
    return row.date;
  }
}
