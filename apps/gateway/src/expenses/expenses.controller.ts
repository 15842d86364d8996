import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CreateExpenseBody, ExpensePage, ExpenseView, ListExpensesQuery, SUBJECTS, UpdateExpenseBody } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { ETAG_HEADER, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { checkIdempotencyKey, etagFor, UuidParam, versionFromIfMatch } from '../http/preconditions';
import { CSV_HEADER, csvRow } from './expenses-csv';

const EXPORT_PAGE_SIZE = '200';

const FILTERS: Record<string, string> = {
  from: 'Earliest date, YYYY-MM-DD',
  to: 'Latest date, YYYY-MM-DD',
  category: 'Category name or id',
  tags: 'Comma-separated; all must be present',
  q: 'Text in the vendor name',
  minAmount: 'Smallest amount: in `currency` when given, else in the base currency (converted)',
  maxAmount: 'Largest amount, as minAmount',
  currency: 'ISO 4217 code of the original amount',
  status: 'draft, needs_review or confirmed',
  documentId: 'The source document',
  sort: 'date, amount, vendor or createdAt; prefix - for descending (default -date)',
  limit: '1–200, default 50',
  cursor: 'nextCursor of the previous page',
};

const listFilters = (paging: boolean) => queryParameters(ListExpensesQuery, FILTERS, paging ? [] : ['limit', 'cursor']);

@ApiTags('expenses')
@ApiBearerAuth()
@Controller('expenses')
export class ExpensesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'File an expense; a retry with the same Idempotency-Key returns the first result' })
  @ApiHeader({ ...IDEMPOTENCY_KEY_HEADER, description: 'Any unique string (a UUID) per intended expense' })
  @ApiBody({ schema: schemaRef(CreateExpenseBody) })
  @ApiResponse({ status: 201, schema: schemaRef(ExpenseView), headers: { ...ETAG_HEADER, Location: { $ref: '#/components/headers/Location' } } as never })
  @problemResponses(400, 401, 409)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateExpenseBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExpenseView> {
    const expense = await this.rpc.request(SUBJECTS.createExpense, { userId: caller.userId, idempotencyKey: checkIdempotencyKey(idempotencyKey), expense: body });
    void reply.header('etag', etagFor(expense.version)).header('location', `/api/v1/expenses/${expense.id}`);
    return expense;
  }

  @Get()
  @ApiOperation({ summary: 'List expenses: filters, sorting and cursor pagination in a stable order' })
  @ApiResponse({ status: 200, schema: schemaRef(ExpensePage) })
  @listFilters(true)
  @problemResponses(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListExpensesQuery): Promise<ExpensePage> {
    return this.rpc.request(SUBJECTS.listExpenses, { userId: caller.userId, query });
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The filtered list as CSV (RFC 4180), streamed: any number of rows' })
  @ApiResponse({
    status: 200,
    description: 'RFC 4180 CSV with a header row (`Content-Disposition: attachment`)',
    content: { 'text/csv': { schema: { type: 'string', maxLength: 2 ** 40 } } },
    headers: { 'Content-Disposition': { description: 'attachment; filename="expenses.csv"', schema: { type: 'string', maxLength: 100 } } },
  })
  @listFilters(false)
  @problemResponses(400, 401)
  async export(@CurrentCaller() caller: Caller, @Query() query: ListExpensesQuery, @Res() reply: FastifyReply): Promise<void> {
    const base = { ...query, limit: EXPORT_PAGE_SIZE, cursor: undefined };
    // The first page is fetched before answering, so a bad filter is still a 400, not a broken download.
    const first = await this.rpc.request(SUBJECTS.listExpenses, { userId: caller.userId, query: base });
    const rpc = this.rpc;
    async function* rows(): AsyncGenerator<string> {
      yield CSV_HEADER;
      let page = first;
      for (;;) {
        for (const expense of page.items) yield csvRow(expense);
        if (!page.nextCursor) return;
        page = await rpc.request(SUBJECTS.listExpenses, { userId: caller.userId, query: { ...base, cursor: page.nextCursor } });
      }
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="expenses.csv"')
      .send(Readable.from(rows()));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One expense' })
  @ApiResponse({ status: 200, schema: schemaRef(ExpenseView), headers: ETAG_HEADER as never })
  @problemResponses(400, 401, 404)
  async get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ExpenseView> {
    const expense = await this.rpc.request(SUBJECTS.getExpense, { userId: caller.userId, expenseId: id });
    void reply.header('etag', etagFor(expense.version));
    return expense;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change fields (null clears an optional one); with If-Match only if unchanged since read' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiBody({ schema: schemaRef(UpdateExpenseBody) })
  @ApiResponse({ status: 200, schema: schemaRef(ExpenseView), headers: ETAG_HEADER as never })
  @problemResponses(400, 401, 404, 412)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateExpenseBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExpenseView> {
    const expense = await this.rpc.request(SUBJECTS.updateExpense, {
      userId: caller.userId,
      expenseId: id,
      expectedVersion: versionFromIfMatch(ifMatch),
      changes: body,
    });
    void reply.header('etag', etagFor(expense.version));
    return expense;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an expense; with If-Match only if unchanged since read. Its document stays (expenseId null); duplicates flagged against it lose that pointer' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @problemResponses(400, 401, 404, 412)
  async delete(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.rpc.request(SUBJECTS.deleteExpense, { userId: caller.userId, expenseId: id, expectedVersion: versionFromIfMatch(ifMatch) });
  }
}
