import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { buildAsyncApiDocument } from '@irp/contracts';
import { Public } from '../auth/auth.guard';

/** The bus API for subscribers: every NATS subject and event, as AsyncAPI 3. */
@ApiTags('docs')
@Controller('asyncapi.json')
export class AsyncApiController {
  private readonly document = buildAsyncApiDocument();

  @Get()
  @Public()
  @ApiOperation({ summary: 'AsyncAPI 3 document of the NATS subjects and domain events' })
  @ApiResponse({ status: 200, description: 'The document (also committed as libs/contracts/asyncapi.json)', content: { 'application/json': { schema: { type: 'object' } } } })
  get(): Record<string, unknown> {
    return this.document;
  }
}
