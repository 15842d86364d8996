import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreatedWebhook, CreateWebhookBody, SUBJECTS, UpdateWebhookBody, WebhookDeliveryList, WebhookDeliveryView, WebhookList, WebhookView } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { CurrentCaller, type Caller } from '../auth/auth.guard';
import { problemResponses, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/preconditions';

/** A test delivery waits for the receiver (the budgets service gives up on it after its own timeout). */
const TEST_DELIVERY_TIMEOUT_MS = 70_000;

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook for budget alerts; the answer shows its signing secret, once' })
  @ApiBody({ schema: schemaRef(CreateWebhookBody) })
  @ApiResponse({ status: 201, schema: schemaRef(CreatedWebhook) })
  @problemResponses(400, 401)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateWebhookBody): Promise<CreatedWebhook> {
    return this.rpc.request(SUBJECTS.createWebhook, { userId: caller.userId, webhook: body });
  }

  @Get()
  @ApiOperation({ summary: 'Your webhooks' })
  @ApiResponse({ status: 200, schema: schemaRef(WebhookList) })
  @problemResponses(401)
  list(@CurrentCaller() caller: Caller): Promise<WebhookList> {
    return this.rpc.request(SUBJECTS.listWebhooks, { userId: caller.userId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook (without its secret)' })
  @ApiResponse({ status: 200, schema: schemaRef(WebhookView) })
  @problemResponses(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<WebhookView> {
    return this.rpc.request(SUBJECTS.getWebhook, { userId: caller.userId, webhookId: id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL or description, or enable it again after it was disabled' })
  @ApiBody({ schema: schemaRef(UpdateWebhookBody) })
  @ApiResponse({ status: 200, schema: schemaRef(WebhookView) })
  @problemResponses(400, 401, 404)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string, @Body() body: UpdateWebhookBody): Promise<WebhookView> {
    return this.rpc.request(SUBJECTS.updateWebhook, { userId: caller.userId, webhookId: id, changes: body });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @problemResponses(400, 401, 404)
  async delete(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.rpc.request(SUBJECTS.deleteWebhook, { userId: caller.userId, webhookId: id });
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a signed test event now and answer how the receiver took it' })
  @ApiResponse({ status: 200, schema: schemaRef(WebhookDeliveryView) })
  @problemResponses(400, 401, 404)
  test(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<WebhookDeliveryView> {
    return this.rpc.request(SUBJECTS.testWebhook, { userId: caller.userId, webhookId: id }, { timeoutMs: TEST_DELIVERY_TIMEOUT_MS });
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The latest 50 deliveries with each attempt’s status code' })
  @ApiResponse({ status: 200, schema: schemaRef(WebhookDeliveryList) })
  @problemResponses(400, 401, 404)
  deliveries(@CurrentCaller() caller: Caller, @Param('id', UuidParam()) id: string): Promise<WebhookDeliveryList> {
    return this.rpc.request(SUBJECTS.listWebhookDeliveries, { userId: caller.userId, webhookId: id });
  }
}
