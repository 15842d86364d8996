import { Migration } from '@mikro-orm/migrations';

/** Users' inbound addresses and the messages received, each kept once per user (Message-ID or bytes). */
export class Migration20261207064143 extends Migration {

  override name = 'Migration20261207064143';

  override up(): void | Promise<void> {
    this.addSql(`create table "mail"."inbound_address" ("user_id" uuid not null, "token" text not null, "allowed_senders" text[] not null default '{}', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("user_id"));`);
    this.addSql(`alter table "mail"."inbound_address" add constraint "inbound_address_token_unique" unique ("token");`);

    this.addSql(`create table "mail"."message" ("id" uuid not null, "user_id" uuid not null, "channel" text not null, "dedupe_key" text not null, "object_name" text null, "size" int not null, "envelope_from" text null, "status" text not null, "reason" text null, "provenance" jsonb not null, "authentication" jsonb not null, "released" boolean not null, "document_ids" text[] not null default '{}', "attempts" int not null, "claimed_until" timestamptz null, "received_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "message_status_claimed_until_index" on "mail"."message" ("status", "claimed_until");`);
    this.addSql(`create index "message_user_id_received_at_id_index" on "mail"."message" ("user_id", "received_at", "id");`);
    this.addSql(`alter table "mail"."message" add constraint "message_user_id_dedupe_key_unique" unique ("user_id", "dedupe_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "mail"."inbound_address" cascade;`);
    this.addSql(`drop table if exists "mail"."message" cascade;`);
  }

}
