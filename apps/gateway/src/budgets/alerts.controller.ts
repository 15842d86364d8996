import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AlertPage, AlertView, ListAlertsQuery, SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Budget alerts, newest first: open (default), acknowledged or all' })
  @ApiResponse({ status: 200, schema: schemaRef(AlertPage) })
  @queryParameters(ListAlertsQuery, { state: 'open, acknowledged or all', budgetId: 'Only this budget’s', limit: '1–100, default 50', cursor: 'nextCursor of the previous page' })
  @problemResponses(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListAlertsQuery): Promise<AlertPage> {
    return this.rpc.request(SUBJECTS.listAlerts, { userId: caller.userId, query });
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark an alert as seen (again: no change)' })
  @ApiResponse({ status: 200, schema: schemaRef(AlertView) })
  @problemResponses(400, 401, 404)
  acknowledge(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<AlertView> {
    return this.rpc.request(SUBJECTS.acknowledgeAlert, { userId: caller.userId, alertId: id });
  }
}
