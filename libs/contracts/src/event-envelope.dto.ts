import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import type { EventEnvelope } from './events';
import { UserScoped } from './user-scoped';

/** The envelope of every event as it comes off a stream, checked before its payload is. */
export class EventEnvelopeDto implements EventEnvelope<object> {
  @IsUUID()
  id!: string;

  @IsString()
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  occurredAt!: string;

  @ValidateNested()
  @Type(() => UserScoped)
  subject!: UserScoped;

  /** Checked against the payload class of `type` by the consumer. */
  @IsObject()
  data!: object;
}
