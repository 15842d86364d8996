import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { crossRate, isCurrencyCode, type RateDay } from '@irp/money';
import type { FxSource, ImportRatesResult } from '@irp/contracts';
import { DomainError, ErrorCode } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { FxRate } from './fx-rate.entity';
import { FxRateRepository } from './fx-rate.repository';

/** The currency ECB rates are quoted against. */
const ECB_BASE = 'EUR';
/** A weekend plus a long bank holiday (Easter: Friday to Monday) and margin. */
const LOOKBACK_DAYS = 7;
const RATE = /^\d{1,10}(\.\d{1,12})?$/;

export interface ExchangeRate {
  /** Units of `to` per unit of `from`. */
  rate: string;
  date: string;
  source: string;
}

@Injectable()
export class FxRatesService {
  private readonly log = getLogger(FxRatesService.name);
  /** Emits after new rates are stored, so waiting conversions can be retried. */
  readonly imported$ = new Subject<ImportRatesResult>();

  constructor(private readonly rates: FxRateRepository) {}

  async import(source: FxSource, days: RateDay[]): Promise<ImportRatesResult> {
    const rows: FxRate[] = [];
    for (const day of days) {
      for (const [currency, rate] of Object.entries(day.rates)) {
        if (!isCurrencyCode(currency) || !RATE.test(rate) || Number(rate) <= 0) {
          throw new DomainError(ErrorCode.VALIDATION, `invalid rate on ${day.date}: ${currency}=${rate}`, {
            fields: [{ field: `days.${day.date}.${currency}`, messages: ['must be an ISO 4217 code with a positive decimal rate'] }],
          });
        }
        rows.push(new FxRate(source, day.date, currency, rate));
      }
    }
    await this.rates.upsert(rows);
    const dates = days.map((d) => d.date).sort();
    const result = { days: days.length, rates: rows.length, firstDate: dates[0] ?? null, lastDate: dates.at(-1) ?? null };
    this.log.info({ source, ...result }, 'exchange rates imported');
    this.imported$.next(result);
    return result;
  }

  /**
   * The ECB rate from one currency to another for a day, or the nearest earlier day with rates
   * (weekends, holidays); null when there is none within a week.
   */
  async find(from: string, to: string, date: string): Promise<ExchangeRate | null> {
    if (from === to) return { rate: '1', date, source: 'identity' };
    const needed = [from, to].filter((c) => c !== ECB_BASE);
    const found = await this.rates.findRates('ECB', needed, date, LOOKBACK_DAYS);
    if (!found) return null;
    const perEur = (currency: string) => (currency === ECB_BASE ? '1' : (found.rates.get(currency) as string));
    return { rate: crossRate(perEur(from), perEur(to)), date: found.date, source: 'ECB' };
  }

  latestDate(): Promise<string | null> {
    return this.rates.latestDate('ECB');
  }
}
