import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StreamTokenView, SUBJECTS } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { StreamTokens } from '../auth/stream-tokens';
import { problemResponses, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class StreamTokenController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: StreamTokens,
  ) {}

  @Post(':id/stream-token')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'A short-lived token that opens this document\'s event stream, for `new EventSource(url)` (browsers cannot send an Authorization header); it works for no other document or route',
  })
  @ApiResponse({ status: 200, schema: schemaRef(StreamTokenView) })
  @problemResponses(400, 401, 404)
  async issue(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<StreamTokenView> {
    await this.rpc.request(SUBJECTS.getDocument, { userId: caller.userId, documentId: id }); // 404 for other users' documents
    const { token, expiresAt } = await this.tokens.issue(caller.userId, id);
    return { token, expiresAt: expiresAt.toISOString(), url: `/api/v1/documents/${id}/events?token=${encodeURIComponent(token)}` };
  }
}
