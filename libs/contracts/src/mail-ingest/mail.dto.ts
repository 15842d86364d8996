import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Nullable } from '../nullable';
import { PageQuery } from '../page-query';
import { UserScoped } from '../user-scoped';

/** The blob store bucket holding received messages as sent (until processed, or while quarantined). */
export const MAIL_MESSAGES_BUCKET = 'mail-messages';

export const MAIL_MESSAGE_STATUSES = ['received', 'processed', 'quarantined', 'failed', 'dropped'] as const;
export type MailMessageStatus = (typeof MAIL_MESSAGE_STATUSES)[number];

/** An allowed sender: a whole address (`billing@shop.example`) or a domain (`@shop.example`). */
const SENDER_PATTERN = /^([^\s@<>]+@|@)[^\s@<>]+\.[^\s@<>]+$/;

export class InboxView {
  /** Mail sent to this address becomes documents. Private: rotate it when it leaks. */
  @IsString()
  address!: string;

  /** When not empty, only these senders (addresses or `@domain`) get through; the rest is quarantined. */
  @IsArray()
  @IsString({ each: true })
  allowedSenders!: string[];

  @IsString()
  createdAt!: string;
}

export class InboxSettingsBody {
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SENDER_PATTERN, { each: true, message: 'each allowed sender must be an e-mail address or @domain' })
  @MaxLength(254, { each: true })
  allowedSenders!: string[];
}

export class UpdateInboxRequest extends InboxSettingsBody implements UserScoped {
  @IsUUID()
  userId!: string;
}

export class GetInboxRequest extends UserScoped {}

export class RotateInboxRequest extends UserScoped {}

/** Who sent a message and what it said of itself (also kept on the documents it became). */
export class MailProvenance {
  /** The From address (the envelope sender when the header has none). */
  @Nullable()
  @IsString()
  sender!: string | null;

  @Nullable()
  @IsString()
  subject!: string | null;

  /** The Date header, as an ISO timestamp. */
  @Nullable()
  @IsString()
  date!: string | null;

  @Nullable()
  @IsString()
  messageId!: string | null;
}

export class AuthenticationResults {
  @Nullable()
  @IsString()
  spf!: string | null;

  @Nullable()
  @IsString()
  dkim!: string | null;

  @Nullable()
  @IsString()
  dmarc!: string | null;
}

export class MailMessageView {
  @IsUUID()
  id!: string;

  @IsIn(['smtp', 'imap'])
  channel!: 'smtp' | 'imap';

  @IsIn(MAIL_MESSAGE_STATUSES)
  status!: MailMessageStatus;

  /** Why it failed or was quarantined, in words for the user. */
  @Nullable()
  @IsString()
  reason!: string | null;

  @ValidateNested()
  @Type(() => MailProvenance)
  provenance!: MailProvenance;

  @ValidateNested()
  @Type(() => AuthenticationResults)
  authentication!: AuthenticationResults;

  /** The documents it became. */
  @IsArray()
  @IsUUID('all', { each: true })
  documentIds!: string[];

  @IsString()
  receivedAt!: string;

  @IsString()
  updatedAt!: string;
}

export class MailMessagePage {
  @ValidateNested({ each: true })
  @Type(() => MailMessageView)
  items!: MailMessageView[];

  @Nullable()
  @IsString()
  nextCursor!: string | null;
}

export class ListMailMessagesQuery extends PageQuery {
  @IsOptional()
  @IsIn(MAIL_MESSAGE_STATUSES)
  status?: MailMessageStatus;
}

export class ListMailMessagesRequest extends ListMailMessagesQuery implements UserScoped {
  @IsUUID()
  userId!: string;
}

export class MailMessageIdRequest extends UserScoped {
  @IsUUID()
  messageId!: string;
}
