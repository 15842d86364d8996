import { Injectable } from '@nestjs/common';
import type { SettingsView, UpdateSettingsBody } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { UnitOfWork } from '@irp/persistence';
import { SettingsService } from '../settings/settings.service';
import { ExpenseRepository } from './expense.repository';
import { PendingConversions } from './pending-conversions';

/**
 * Updating settings is a ledger use case: a new base currency puts every expense of the user back
 * to pending in the same transaction as the change, and the converter redoes them. Here settings
 * stay at the bottom knowing nothing of the ledger; an in-process event would lose the shared
 * transaction, and an interface would need settings to call up into the ledger.
 */
@Injectable()
export class UpdateSettings {
  private readonly log = getLogger(UpdateSettings.name);

  constructor(
    private readonly settings: SettingsService,
    private readonly expenses: ExpenseRepository,
    private readonly pending: PendingConversions,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async update(userId: string, changes: UpdateSettingsBody): Promise<SettingsView> {
    const rebased = await this.unitOfWork.run(async () => {
      const { baseCurrencyChanged } = await this.settings.change(userId, changes);
      return baseCurrencyChanged ? await this.expenses.markAllPending(userId) : 0;
    });
    if (rebased > 0) {
      this.log.info({ userId, expenses: rebased }, 'base currency changed; converting again');
      this.pending.kick();
    }
    return this.settings.get(userId);
  }
}
