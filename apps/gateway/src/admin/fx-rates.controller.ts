import { Body, Controller, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, FX_IMPORT_MAX_DAYS, FX_SOURCES, ImportRatesResult, SUBJECTS, type FxSource } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { parseEcbXml, RatesFormatError, type RateDay } from '@irp/money';
import { RequireRole } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';

/** Largest rates file accepted (the ECB's full history since 1999 is a few MB). */
export const RATES_FILE_LIMIT_BYTES = 30 * 1024 * 1024;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/fx-rates')
export class FxRatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Import a reference rates file (ECB eurofxref XML, daily or historical); admins only' })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiQuery({ name: 'source', required: false, enum: FX_SOURCES })
  @ApiBody({ schema: { type: 'string', maxLength: RATES_FILE_LIMIT_BYTES, description: 'eurofxref-daily.xml or eurofxref-hist.xml' } })
  @ApiResponse({ status: 201, schema: schemaRef(ImportRatesResult) })
  @problemResponses(400, 401, [413, `Larger than ${RATES_FILE_LIMIT_BYTES} bytes`], [415, 'Not XML'])
  async import(@Body() document: unknown, @Query('source') source = 'ECB'): Promise<ImportRatesResult> {
    if (!FX_SOURCES.includes(source as FxSource)) {
      throw new DomainError(ErrorCode.VALIDATION, `unknown source ${source}`, { fields: [{ field: 'source', messages: [`must be one of ${FX_SOURCES.join(', ')}`] }] });
    }
    if (typeof document !== 'string') {
      throw new DomainError(ErrorCode.VALIDATION, 'send the rates file as application/xml');
    }
    const days = parse(document);
    const total: ImportRatesResult = { days: 0, rates: 0, firstDate: null, lastDate: null };
    // In chunks: a NATS message stays far below its size limit whatever the file.
    for (let i = 0; i < days.length; i += FX_IMPORT_MAX_DAYS) {
      const part = await this.rpc.request(SUBJECTS.importFxRates, { source: source as FxSource, days: days.slice(i, i + FX_IMPORT_MAX_DAYS) }, { timeoutMs: 60_000 });
      total.days += part.days;
      total.rates += part.rates;
      total.firstDate ??= part.firstDate;
      total.lastDate = part.lastDate ?? total.lastDate;
    }
    return total;
  }
}

function parse(document: string): RateDay[] {
  try {
    const days = parseEcbXml(document);
    if (days.length === 0) throw new RatesFormatError('the file holds no rates');
    return days;
  } catch (error) {
    if (error instanceof RatesFormatError) throw new DomainError(ErrorCode.VALIDATION, `not an ECB rates file: ${error.message}`);
    throw error;
  }
}
