import { Injectable } from '@nestjs/common';
import { convertMinorUnits } from '@irp/money';
import { FxRatesService } from '../fx/fx-rates.service';
import type { Conversion } from './expense.entity';

/** Converts an amount into a base currency at the reference rate of its date (or the nearest earlier business day). */
@Injectable()
export class ConversionService {
  constructor(private readonly rates: FxRatesService) {}

  /** Null when no usable rate exists yet: the expense stays pending and is converted when rates arrive. */
  async convert(amountMinor: bigint, currency: string, date: string, baseCurrency: string): Promise<Conversion | null> {
    const rate = await this.rates.find(currency, baseCurrency, date);
    if (!rate) return null;
    return {
      amountMinor: convertMinorUnits(amountMinor, currency, baseCurrency, rate.rate),
      currency: baseCurrency,
      rate: rate.rate,
      rateDate: rate.date,
      source: rate.source,
    };
  }
}
