import { Migration } from '@mikro-orm/migrations';

export class Migration20261124003148 extends Migration {

  override name = 'Migration20261124003148';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "auth";`);
    this.addSql(`create table "auth"."inbox" ("consumer" text not null, "event_id" uuid not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "auth"."outbox" ("seq" bigserial primary key, "event_id" uuid not null, "subject" text not null, "payload" jsonb not null, "trace_context" jsonb null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "auth"."outbox" add constraint "outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_published_at_seq_index" on "auth"."outbox" ("published_at", "seq");`);

    this.addSql(`create table "auth"."user" ("id" uuid not null, "email" text not null, "email_normalized" text not null, "password_hash" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "auth"."user" add constraint "user_email_normalized_unique" unique ("email_normalized");`);

    this.addSql(`create table "auth"."refresh_token" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "refresh_token_family_id_index" on "auth"."refresh_token" ("family_id");`);
    this.addSql(`alter table "auth"."refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "auth"."refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "auth"."user" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "auth"."refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`drop table if exists "auth"."inbox" cascade;`);
    this.addSql(`drop table if exists "auth"."outbox" cascade;`);
    this.addSql(`drop table if exists "auth"."user" cascade;`);
    this.addSql(`drop table if exists "auth"."refresh_token" cascade;`);
    // The schema stays: it holds the migrations table.
  }

}
