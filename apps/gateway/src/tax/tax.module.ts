import { Module } from '@nestjs/common';
import { TaxProfilesController } from './tax-profiles.controller';
import { TaxReportsController } from './tax-reports.controller';
import { taxReportsStoreProvider } from './tax-reports.store';

/** The tax routes: profiles and mappings, reports (queued, then downloaded from the reports bucket), an expense's tax. */
@Module({
  controllers: [TaxProfilesController, TaxReportsController],
  providers: [taxReportsStoreProvider],
})
export class TaxModule {}
