import { Module } from '@nestjs/common';
import { SettingsHandler } from './settings.handler';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

/** A user's base currency and locale. At the bottom: it knows nothing of the ledger or documents. */
@Module({
  controllers: [SettingsHandler],
  providers: [SettingsService, SettingsRepository],
  exports: [SettingsService, SettingsRepository],
})
export class SettingsModule {}
