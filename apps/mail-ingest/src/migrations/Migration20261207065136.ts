import { Migration } from '@mikro-orm/migrations';

/** IMAP mailboxes (password sealed, UIDVALIDITY and last UID, lease), and the IMAP origin of a message (taken once). */
export class Migration20261207065136 extends Migration {

  override name = 'Migration20261207065136';

  override up(): void | Promise<void> {
    this.addSql(`create table "mail"."mailbox" ("id" uuid not null, "user_id" uuid not null, "host" text not null, "port" int not null, "tls" boolean not null, "username" text not null, "password_sealed" text not null, "folder" text not null default 'INBOX', "sender_filter" text null, "subject_filter" text null, "after_processing" text not null default 'seen', "move_to" text null, "state" text not null default 'pending', "last_error" text null, "failures" int not null default 0, "uid_validity" bigint null, "last_uid" bigint not null default '0', "next_sync_at" timestamptz not null, "last_synced_at" timestamptz null, "lease_owner" text null, "lease_until" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "mailbox_user_id_created_at_index" on "mail"."mailbox" ("user_id", "created_at");`);
    this.addSql(`create index "mailbox_next_sync_at_index" on "mail"."mailbox" ("next_sync_at");`);

    this.addSql(`alter table "mail"."message" add "mailbox_id" uuid null, add "uid_validity" bigint null, add "uid" bigint null;`);
    this.addSql(`alter table "mail"."message" add constraint "message_mailbox_id_uid_validity_uid_unique" unique ("mailbox_id", "uid_validity", "uid");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "mail"."mailbox" cascade;`);

    this.addSql(`alter table "mail"."message" drop constraint "message_mailbox_id_uid_validity_uid_unique";`);
    this.addSql(`alter table "mail"."message" drop column "mailbox_id", drop column "uid_validity", drop column "uid";`);
  }

}
