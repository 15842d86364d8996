import { Module } from '@nestjs/common';
import { EcbFeedService } from './ecb-feed.service';
import { FxHandler } from './fx.handler';
import { FxRateRepository } from './fx-rate.repository';
import { FxRatesService } from './fx-rates.service';

@Module({
  controllers: [FxHandler],
  providers: [FxRatesService, FxRateRepository, EcbFeedService],
  exports: [FxRatesService],
})
export class FxModule {}
