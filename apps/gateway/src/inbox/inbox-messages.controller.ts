import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ListMailMessagesQuery, MailMessagePage, MailMessageView, SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, queryParameters, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox/messages')
export class InboxMessagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Mail you received, newest first: filed (with its documents), quarantined or failed (with the reason)' })
  @queryParameters(ListMailMessagesQuery, { status: 'Only messages in this state', limit: '1–100, default 50', cursor: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: schemaRef(MailMessagePage) })
  @problemResponses(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListMailMessagesQuery): Promise<MailMessagePage> {
    return this.rpc.request(SUBJECTS.listMailMessages, { userId: caller.userId, ...query });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One received message and what became of it' })
  @ApiResponse({ status: 200, schema: schemaRef(MailMessageView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<MailMessageView> {
    return this.rpc.request(SUBJECTS.getMailMessage, { userId: caller.userId, messageId: id });
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Let a quarantined message through: its receipts become documents' })
  @ApiResponse({ status: 200, schema: schemaRef(MailMessageView) })
  @problemResponses(400, 401, 404, [409, 'The message is not quarantined'])
  release(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<MailMessageView> {
    return this.rpc.request(SUBJECTS.releaseMailMessage, { userId: caller.userId, messageId: id });
  }

  @Post(':id/drop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Discard a quarantined or failed message and its bytes' })
  @ApiResponse({ status: 200, schema: schemaRef(MailMessageView) })
  @problemResponses(400, 401, 404, [409, 'The message is neither quarantined nor failed'])
  drop(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<MailMessageView> {
    return this.rpc.request(SUBJECTS.dropMailMessage, { userId: caller.userId, messageId: id });
  }
}
