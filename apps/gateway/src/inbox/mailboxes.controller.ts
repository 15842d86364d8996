import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MailboxBody, MailboxList, MailboxTestResult, MailboxView, SUBJECTS, UpdateMailboxBody } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

/** IMAP connections are slower than the bus: a test waits for the user's server. */
const TEST_TIMEOUT_MS = 45_000;

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('mailboxes')
export class MailboxesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Fetch receipts from an IMAP mailbox (the password is stored encrypted and never shown again)' })
  @ApiBody({ schema: schemaRef(MailboxBody) })
  @ApiResponse({ status: 201, schema: schemaRef(MailboxView) })
  @problemResponses(400, 401, [409, 'You have as many mailboxes as allowed'])
  create(@CurrentCaller() caller: Caller, @Body() body: MailboxBody): Promise<MailboxView> {
    return this.rpc.request(SUBJECTS.createMailbox, { ...body, userId: caller.userId }, { timeoutMs: 15_000 });
  }

  @Get()
  @ApiOperation({ summary: 'Your IMAP mailboxes, with whether the last connection worked' })
  @ApiResponse({ status: 200, schema: schemaRef(MailboxList) })
  @problemResponses(401)
  list(@CurrentCaller() caller: Caller): Promise<MailboxList> {
    return this.rpc.request(SUBJECTS.listMailboxes, { userId: caller.userId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One IMAP mailbox and its state' })
  @ApiResponse({ status: 200, schema: schemaRef(MailboxView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<MailboxView> {
    return this.rpc.request(SUBJECTS.getMailbox, { userId: caller.userId, mailboxId: id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a mailbox (only the fields given; a new password replaces the old); a new host, user or folder is read from its start' })
  @ApiBody({ schema: schemaRef(UpdateMailboxBody) })
  @ApiResponse({ status: 200, schema: schemaRef(MailboxView) })
  @problemResponses(400, 401, 404)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Body() body: UpdateMailboxBody): Promise<MailboxView> {
    return this.rpc.request(SUBJECTS.updateMailbox, { ...body, userId: caller.userId, mailboxId: id }, { timeoutMs: 15_000 });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop fetching from a mailbox and forget its credentials (what was fetched stays)' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @problemResponses(400, 401, 404)
  async delete(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.rpc.request(SUBJECTS.deleteMailbox, { userId: caller.userId, mailboxId: id });
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Connect, log in and open the folder now: `ok`, or the error in the server\u2019s words' })
  @ApiResponse({ status: 200, schema: schemaRef(MailboxTestResult) })
  @problemResponses(400, 401, 404)
  test(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<MailboxTestResult> {
    return this.rpc.request(SUBJECTS.testMailbox, { userId: caller.userId, mailboxId: id }, { timeoutMs: TEST_TIMEOUT_MS });
  }
}
