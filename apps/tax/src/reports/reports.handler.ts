import { Controller } from '@nestjs/common';
import { CreateTaxReportRequest, SUBJECTS, TaxReportIdRequest, type TaxReportJobView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsHandler {
  constructor(private readonly reports: ReportsService) {}

  @Rpc(SUBJECTS.createTaxReport)
  create({ userId, ...body }: CreateTaxReportRequest): Promise<TaxReportJobView> {
    return this.reports.create(userId, body);
  }

  @Rpc(SUBJECTS.getTaxReport)
  get(request: TaxReportIdRequest): Promise<TaxReportJobView> {
    return this.reports.get(request.userId, request.reportId);
  }
}
