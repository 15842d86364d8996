import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Nullable } from '../nullable';
import { UserScoped } from '../user-scoped';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** Headers of every delivery: `X-Irp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-irp-signature';
export const WEBHOOK_EVENT_HEADER = 'x-irp-event';
export const WEBHOOK_DELIVERY_HEADER = 'x-irp-delivery';

export class CreateWebhookBody {
  /** http(s) URL the alert events are POSTed to; addresses inside the platform's network are refused. */
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class UpdateWebhookBody {
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  /** true re-enables a webhook disabled after failures. */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookView {
  @IsUUID()
  id!: string;

  @IsString()
  url!: string;

  @Nullable()
  @IsString()
  description!: string | null;

  @IsBoolean()
  enabled!: boolean;

  /** Why it was disabled (after failing for too long), null while enabled. */
  @Nullable()
  @IsString()
  disabledReason!: string | null;

  @IsISO8601()
  createdAt!: string;
}

/** The answer to a create: the only time the signing secret is shown. */
export class CreatedWebhook extends WebhookView {
  /** Verify `X-Irp-Signature` with it; it is never shown again. */
  @IsString()
  secret!: string;
}

export class WebhookList {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WebhookView)
  items!: WebhookView[];
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryAttemptView {
  @IsISO8601()
  at!: string;

  /** The receiver's HTTP status; null when no answer came (refused, timeout, blocked address). */
  @Nullable()
  @IsInt()
  statusCode!: number | null;

  @Nullable()
  @IsString()
  error!: string | null;
}

export class WebhookDeliveryView {
  @IsUUID()
  id!: string;

  @IsString()
  eventType!: string;

  @IsUUID()
  eventId!: string;

  @IsIn(DELIVERY_STATUSES)
  status!: DeliveryStatus;

  @IsInt()
  @Min(0)
  attempts!: number;

  @Nullable()
  @IsInt()
  lastStatusCode!: number | null;

  @Nullable()
  @IsISO8601()
  nextAttemptAt!: string | null;

  @IsISO8601()
  createdAt!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DeliveryAttemptView)
  log!: DeliveryAttemptView[];
}

export class WebhookDeliveryList {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WebhookDeliveryView)
  items!: WebhookDeliveryView[];
}

// ---- requests over NATS ---------------------------------------------------------------------

export class CreateWebhookRequest extends UserScoped {
  @ValidateNested()
  @Type(() => CreateWebhookBody)
  webhook!: CreateWebhookBody;
}

export class WebhookIdRequest extends UserScoped {
  @IsUUID()
  webhookId!: string;
}

export class UpdateWebhookRequest extends WebhookIdRequest {
  @ValidateNested()
  @Type(() => UpdateWebhookBody)
  changes!: UpdateWebhookBody;
}

export class ListWebhooksRequest extends UserScoped {}
