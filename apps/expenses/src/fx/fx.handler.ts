import { Controller } from '@nestjs/common';
import { ImportRatesRequest, SUBJECTS, type ImportRatesResult } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { FxRatesService } from './fx-rates.service';

@Controller()
export class FxHandler {
  constructor(private readonly rates: FxRatesService) {}

  /** Admin import of a rates file, parsed at the edge and sent in chunks of days. */
  @Rpc(SUBJECTS.importFxRates)
  import(request: ImportRatesRequest): Promise<ImportRatesResult> {
    return this.rates.import(request.source, request.days);
  }
}
