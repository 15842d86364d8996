import { Injectable } from '@nestjs/common';
import type { SettingsView, UpdateSettingsBody } from '@irp/contracts';
import { SettingsRepository } from './settings.repository';

@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  async get(userId: string): Promise<SettingsView> {
    const { baseCurrency, locale } = await this.settings.get(userId);
    return { baseCurrency, locale };
  }

  /** Saves the changes in the caller's transaction; true when the base currency changed. */
  async change(userId: string, changes: UpdateSettingsBody): Promise<{ baseCurrencyChanged: boolean }> {
    const settings = await this.settings.get(userId);
    const baseCurrencyChanged = changes.baseCurrency !== undefined && changes.baseCurrency !== settings.baseCurrency;
    if (changes.baseCurrency) settings.baseCurrency = changes.baseCurrency;
    if (changes.locale) settings.locale = changes.locale;
    this.settings.save(settings);
    return { baseCurrencyChanged };
  }
}
