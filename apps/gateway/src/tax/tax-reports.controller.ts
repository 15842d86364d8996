import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { BlobStore } from '@irp/blob-store';
import { CreateTaxReportBody, DomainError, ErrorCode, ExpenseTaxQuery, ExpenseTaxView, SUBJECTS, TaxReportDownloadQuery, TaxReportJobView, type TaxReportFormat } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';
import { TAX_REPORTS_STORE } from './tax-reports.store';

const DOWNLOADS: Record<TaxReportFormat, { type: string; schema: object }> = {
  json: { type: 'application/json', schema: { type: 'object' } },
  csv: { type: 'text/csv', schema: { type: 'string', maxLength: 2 ** 40 } },
  pdf: { type: 'application/pdf', schema: { type: 'string', format: 'binary', maxLength: 2 ** 40 } },
};

@ApiTags('tax')
@ApiBearerAuth()
@Controller()
export class TaxReportsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(TAX_REPORTS_STORE) private readonly files: BlobStore,
  ) {}

  @Post('tax/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask for a report of a tax year, a quarter or custom dates: produced in the background; follow the Location' })
  @ApiBody({ schema: schemaRef(CreateTaxReportBody) })
  @ApiResponse({ status: 202, schema: schemaRef(TaxReportJobView), headers: { Location: { $ref: '#/components/headers/Location' } } as never })
  @problemResponses(400, 401)
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateTaxReportBody, @Res({ passthrough: true }) reply: FastifyReply): Promise<TaxReportJobView> {
    const job = await this.rpc.request(SUBJECTS.createTaxReport, { userId: caller.userId, ...body });
    void reply.header('location', `/api/v1/tax/reports/${job.id}`);
    return job;
  }

  @Get('tax/reports/:id')
  @ApiOperation({ summary: 'A report\u2019s status; once `ready`, its files download from /download?format=' })
  @ApiResponse({ status: 200, schema: schemaRef(TaxReportJobView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<TaxReportJobView> {
    return this.rpc.request(SUBJECTS.getTaxReport, { userId: caller.userId, reportId: id });
  }

  @Get('tax/reports/:id/download')
  @ApiOperation({ summary: 'A ready report as JSON, CSV (one row per expense, RFC 4180) or PDF, streamed' })
  @queryParameters(TaxReportDownloadQuery, { format: 'json (default), csv or pdf' })
  @ApiResponse({
    status: 200,
    description: 'The file (`Content-Disposition: attachment`)',
    content: Object.fromEntries(Object.values(DOWNLOADS).map(({ type, schema }) => [type, { schema }])),
    headers: { 'Content-Disposition': { description: 'attachment; filename="tax-report-….csv"', schema: { type: 'string', maxLength: 100 } } } as never,
  })
  @problemResponses(400, 401, [404, 'No such report, or it was not made in that format'], [409, 'The report is not ready (queued, running or failed)'])
  async download(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Query() query: TaxReportDownloadQuery, @Res() reply: FastifyReply): Promise<void> {
    const format = query.format ?? 'json';
    const job = await this.rpc.request(SUBJECTS.getTaxReport, { userId: caller.userId, reportId: id });
    if (job.status !== 'ready') throw new DomainError(ErrorCode.CONFLICT, `the report is not ready: it is ${job.status}`, { status: job.status });
    const file = job.files.find((f) => f.format === format);
    if (!file) throw new DomainError(ErrorCode.NOT_FOUND, `the report was not made as ${format}; it has ${job.files.map((f) => f.format).join(', ')}`);
    const bytes = await this.files.get(`${caller.userId}/${job.id}.${format}`);
    if (!bytes) throw new DomainError(ErrorCode.NOT_FOUND, 'the report\u2019s file is gone (expired)');
    await reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : DOWNLOADS[format].type)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="tax-report-${job.period.from}-${job.period.to}.${format}"`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  }

  @Get('expenses/:id/tax')
  @ApiTags('expenses')
  @ApiOperation({ summary: 'An expense\u2019s tax lines (from the receipt, or estimated from your profile\u2019s standard rate with `estimate=true`) and its line on your profile' })
  @queryParameters(ExpenseTaxQuery, { estimate: 'true: estimate the tax of a receipt that shows none' })
  @ApiResponse({ status: 200, schema: schemaRef(ExpenseTaxView) })
  @problemResponses(400, 401, 404)
  expenseTax(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Query() query: ExpenseTaxQuery): Promise<ExpenseTaxView> {
    return this.rpc.request(SUBJECTS.getExpenseTax, { userId: caller.userId, expenseId: id, estimate: query.estimate === 'true' });
  }
}
