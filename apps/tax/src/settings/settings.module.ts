import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { SettingsHandler } from './settings.handler';
import { TaxSettingsRepository } from './tax-settings.repository';
import { TaxSettingsService } from './tax-settings.service';

/** A user's profile, tax year start and category overrides. */
@Module({
  imports: [ProfilesModule],
  controllers: [SettingsHandler],
  providers: [TaxSettingsService, TaxSettingsRepository],
  exports: [TaxSettingsService],
})
export class SettingsModule {}
