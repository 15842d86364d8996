import { Injectable } from '@nestjs/common';
import type { SettingsView, UpdateSettingsBody } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { UnitOfWork } from '@irp/persistence';
import { ExpenseRepository } from '../expenses/expense.repository';
import { PendingConversions } from '../expenses/pending-conversions';
import { SettingsRepository } from './settings.repository';

@Injectable()
export class SettingsService {
  private readonly log = getLogger(SettingsService.name);

  constructor(
    private readonly settings: SettingsRepository,
    private readonly expenses: ExpenseRepository,
    private readonly pending: PendingConversions,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async get(userId: string): Promise<SettingsView> {
    const { baseCurrency, locale } = await this.settings.get(userId);
    return { baseCurrency, locale };
  }

  /** A new base currency puts every expense of the user back to pending; the converter redoes them. */
  async update(userId: string, changes: UpdateSettingsBody): Promise<SettingsView> {
    const rebased = await this.unitOfWork.run(async () => {
      const settings = await this.settings.get(userId);
      const baseChanged = changes.baseCurrency !== undefined && changes.baseCurrency !== settings.baseCurrency;
      if (changes.baseCurrency) settings.baseCurrency = changes.baseCurrency;
      if (changes.locale) settings.locale = changes.locale;
      this.settings.save(settings);
      return baseChanged ? await this.expenses.markAllPending(userId) : 0;
    });
    if (rebased > 0) {
      this.log.info({ userId, expenses: rebased }, 'base currency changed; converting again');
      this.pending.kick();
    }
    return this.get(userId);
  }
}
