import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InboxSettingsBody, InboxView, SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Your private address: mail a receipt or invoice to it (or forward one) and it becomes a document' })
  @ApiResponse({ status: 200, schema: schemaRef(InboxView) })
  @problemResponses(401)
  get(@CurrentCaller() caller: Caller): Promise<InboxView> {
    return this.rpc.request(SUBJECTS.getInbox, { userId: caller.userId });
  }

  @Post('rotate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new private address; mail to the old one is refused from now on' })
  @ApiResponse({ status: 200, schema: schemaRef(InboxView) })
  @problemResponses(401)
  rotate(@CurrentCaller() caller: Caller): Promise<InboxView> {
    return this.rpc.request(SUBJECTS.rotateInbox, { userId: caller.userId });
  }

  @Patch()
  @ApiOperation({ summary: 'Set who may send to your address (addresses or @domain; empty: anyone); mail from others is quarantined' })
  @ApiBody({ schema: schemaRef(InboxSettingsBody) })
  @ApiResponse({ status: 200, schema: schemaRef(InboxView) })
  @problemResponses(400, 401)
  update(@CurrentCaller() caller: Caller, @Body() body: InboxSettingsBody): Promise<InboxView> {
    return this.rpc.request(SUBJECTS.updateInbox, { userId: caller.userId, allowedSenders: body.allowedSenders });
  }
}
