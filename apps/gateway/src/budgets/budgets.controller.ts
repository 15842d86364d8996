import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BudgetList, BudgetStatus, BudgetStatusQuery, BudgetView, CreateBudgetBody, SUBJECTS, UpdateBudgetBody } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Create a budget: overall, or for one category or tag; monthly, quarterly, yearly or custom periods' })
  @ApiBody({ schema: schemaRef(CreateBudgetBody) })
  @ApiResponse({ status: 201, schema: schemaRef(BudgetView), headers: { Location: { $ref: '#/components/headers/Location' } } as never })
  @problemResponses(400, 401)
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateBudgetBody, @Res({ passthrough: true }) reply: FastifyReply): Promise<BudgetView> {
    const budget = await this.rpc.request(SUBJECTS.createBudget, { userId: caller.userId, budget: body });
    void reply.header('location', `/api/v1/budgets/${budget.id}`);
    return budget;
  }

  @Get()
  @ApiOperation({ summary: 'Your budgets' })
  @ApiResponse({ status: 200, schema: schemaRef(BudgetList) })
  @problemResponses(401)
  list(@CurrentCaller() caller: Caller): Promise<BudgetList> {
    return this.rpc.request(SUBJECTS.listBudgets, { userId: caller.userId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One budget' })
  @ApiResponse({ status: 200, schema: schemaRef(BudgetView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<BudgetView> {
    return this.rpc.request(SUBJECTS.getBudget, { userId: caller.userId, budgetId: id });
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Spent, remaining, percent, days left and forecast of the current period, with earlier periods for a chart' })
  @ApiResponse({ status: 200, schema: schemaRef(BudgetStatus) })
  @queryParameters(BudgetStatusQuery, { periods: 'Periods of history, the current one included (1–24, default 6)' })
  @problemResponses(400, 401, 404)
  status(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Query() query: BudgetStatusQuery): Promise<BudgetStatus> {
    return this.rpc.request(SUBJECTS.getBudgetStatus, { userId: caller.userId, budgetId: id, periods: query.periods ? Number(query.periods) : undefined });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a budget (name, amount, thresholds, rollover, time zone, custom periods)' })
  @ApiBody({ schema: schemaRef(UpdateBudgetBody) })
  @ApiResponse({ status: 200, schema: schemaRef(BudgetView) })
  @problemResponses(400, 401, 404)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Body() body: UpdateBudgetBody): Promise<BudgetView> {
    return this.rpc.request(SUBJECTS.updateBudget, { userId: caller.userId, budgetId: id, changes: body });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a budget and its alerts' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @problemResponses(400, 401, 404)
  async delete(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.rpc.request(SUBJECTS.deleteBudget, { userId: caller.userId, budgetId: id });
  }
}
