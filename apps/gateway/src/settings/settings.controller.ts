import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SettingsView, SUBJECTS, UpdateSettingsBody } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Your base currency (expenses are converted into it) and locale' })
  @ApiResponse({ status: 200, schema: schemaRef(SettingsView) })
  @problemResponses(401)
  get(@CurrentCaller() caller: Caller): Promise<SettingsView> {
    return this.rpc.request(SUBJECTS.getSettings, { userId: caller.userId });
  }

  @Patch()
  @ApiOperation({ summary: 'Change them; a new base currency converts every expense again' })
  @ApiBody({ schema: schemaRef(UpdateSettingsBody) })
  @ApiResponse({ status: 200, schema: schemaRef(SettingsView) })
  @problemResponses(400, 401)
  update(@CurrentCaller() caller: Caller, @Body() body: UpdateSettingsBody): Promise<SettingsView> {
    return this.rpc.request(SUBJECTS.updateSettings, { userId: caller.userId, ...body });
  }
}
