import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Nullable } from '../nullable';
import { UserScoped } from '../user-scoped';

export const AFTER_PROCESSING = ['none', 'seen', 'move'] as const;
export type AfterProcessing = (typeof AFTER_PROCESSING)[number];

export const MAILBOX_STATES = ['pending', 'ok', 'failing'] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** An IMAP mailbox to fetch receipts from. The password is write-only: stored encrypted, never answered. */
export class MailboxBody {
  @Matches(HOST, { message: 'host must be a host name or IPv4 address' })
  @MaxLength(253)
  host!: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  port!: number;

  /** Implicit TLS (993); false connects in plain text and upgrades with STARTTLS when offered. */
  @IsBoolean()
  tls!: boolean;

  @IsString()
  @Length(1, 254)
  username!: string;

  @IsString()
  @Length(1, 1024)
  password!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  folder?: string;

  /** Only mail whose From contains this (case-insensitive). */
  @IsOptional()
  @IsString()
  @Length(1, 254)
  senderFilter?: string;

  /** Only mail whose Subject contains this (case-insensitive). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subjectFilter?: string;

  /** What to do with a message once taken: leave it, mark it seen, or move it to `moveTo`. */
  @IsOptional()
  @IsIn(AFTER_PROCESSING)
  afterProcessing?: AfterProcessing;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  moveTo?: string;
}

export class CreateMailboxRequest extends MailboxBody implements UserScoped {
  @IsUUID()
  userId!: string;
}

/** A change to a mailbox: only the fields given change; a new host, user or folder is read from its start. */
export class UpdateMailboxBody {
  @IsOptional()
  @Matches(HOST, { message: 'host must be a host name or IPv4 address' })
  @MaxLength(253)
  host?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @IsOptional()
  @IsBoolean()
  tls?: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 254)
  username?: string;

  @IsOptional()
  @IsString()
  @Length(1, 1024)
  password?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  folder?: string;

  @Nullable({ optional: true })
  @IsString()
  @Length(1, 254)
  senderFilter?: string | null;

  @Nullable({ optional: true })
  @IsString()
  @Length(1, 200)
  subjectFilter?: string | null;

  @IsOptional()
  @IsIn(AFTER_PROCESSING)
  afterProcessing?: AfterProcessing;

  @Nullable({ optional: true })
  @IsString()
  @Length(1, 200)
  moveTo?: string | null;
}

export class UpdateMailboxRequest extends UpdateMailboxBody implements UserScoped {
  @IsUUID()
  userId!: string;

  @IsUUID()
  mailboxId!: string;
}

export class MailboxIdRequest extends UserScoped {
  @IsUUID()
  mailboxId!: string;
}

export class ListMailboxesRequest extends UserScoped {}

export class MailboxView {
  @IsUUID()
  id!: string;

  @IsString()
  host!: string;

  @IsInt()
  port!: number;

  @IsBoolean()
  tls!: boolean;

  @IsString()
  username!: string;

  @IsString()
  folder!: string;

  @Nullable()
  @IsString()
  senderFilter!: string | null;

  @Nullable()
  @IsString()
  subjectFilter!: string | null;

  @IsIn(AFTER_PROCESSING)
  afterProcessing!: AfterProcessing;

  @Nullable()
  @IsString()
  moveTo!: string | null;

  /** pending: not reached yet; ok: the last connection worked; failing: it did not (see lastError), retried with back-off. */
  @IsIn(MAILBOX_STATES)
  state!: MailboxState;

  @Nullable()
  @IsString()
  @MaxLength(500)
  lastError!: string | null;

  @Nullable()
  @IsString()
  lastSyncedAt!: string | null;

  @IsString()
  createdAt!: string;
}

export class MailboxList {
  @ValidateNested({ each: true })
  @Type(() => MailboxView)
  items!: MailboxView[];
}

export class MailboxTestResult {
  @IsBoolean()
  ok!: boolean;

  /** Why it could not connect, log in or open the folder. */
  @Nullable()
  @IsString()
  error!: string | null;

  /** Messages in the folder, when it could be opened. */
  @Nullable()
  @IsInt()
  messages!: number | null;
}
