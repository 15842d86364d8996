import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MappingOverrideBody, SelectTaxProfileBody, SUBJECTS, TaxProfileList, TaxSettingsView } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';

@ApiTags('tax')
@ApiBearerAuth()
@Controller('tax/profiles')
export class TaxProfilesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The tax profiles: their lines (each citing its official source) and how they map categories' })
  @ApiResponse({ status: 200, schema: schemaRef(TaxProfileList) })
  @problemResponses(401)
  list(@CurrentCaller() caller: Caller): Promise<TaxProfileList> {
    return this.rpc.request(SUBJECTS.listTaxProfiles, { userId: caller.userId });
  }

  @Get('current')
  @ApiOperation({ summary: 'Your profile, tax year start and the category mappings in effect' })
  @ApiResponse({ status: 200, schema: schemaRef(TaxSettingsView) })
  @problemResponses(401)
  current(@CurrentCaller() caller: Caller): Promise<TaxSettingsView> {
    return this.rpc.request(SUBJECTS.getTaxSettings, { userId: caller.userId });
  }

  @Put('current')
  @ApiOperation({ summary: 'Pick a profile and the day your tax year starts (default: the profile\u2019s)' })
  @ApiBody({ schema: schemaRef(SelectTaxProfileBody) })
  @ApiResponse({ status: 200, schema: schemaRef(TaxSettingsView) })
  @problemResponses(400, 401)
  select(@CurrentCaller() caller: Caller, @Body() body: SelectTaxProfileBody): Promise<TaxSettingsView> {
    return this.rpc.request(SUBJECTS.selectTaxProfile, { userId: caller.userId, ...body });
  }

  @Put('current/mappings')
  @ApiOperation({ summary: 'Map a category to another line of your profile (`line: null` restores the profile\u2019s mapping)' })
  @ApiBody({ schema: schemaRef(MappingOverrideBody) })
  @ApiResponse({ status: 200, schema: schemaRef(TaxSettingsView) })
  @problemResponses(400, 401)
  map(@CurrentCaller() caller: Caller, @Body() body: MappingOverrideBody): Promise<TaxSettingsView> {
    return this.rpc.request(SUBJECTS.setTaxMapping, { userId: caller.userId, ...body });
  }
}
