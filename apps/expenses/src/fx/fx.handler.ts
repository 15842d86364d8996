import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ImportRatesRequest, SUBJECTS, type ImportRatesResult } from '@irp/contracts';
import { FxRatesService } from './fx-rates.service';

@Controller()
export class FxHandler {
  constructor(private readonly rates: FxRatesService) {}

  /** Admin import of a rates file, parsed at the edge and sent in chunks of days. */
  @MessagePattern(SUBJECTS.importFxRates)
  import(@Payload() request: ImportRatesRequest): Promise<ImportRatesResult> {
    return this.rates.import(request.source, request.days);
  }
}
