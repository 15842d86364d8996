import { Migration } from '@mikro-orm/migrations';

export class Migration20261124010233 extends Migration {

  override name = 'Migration20261124010233';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "expenses";`);
    this.addSql(`create table "expenses"."category" ("id" uuid not null, "user_id" uuid not null, "name" text not null, "name_normalized" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "expenses"."category" add constraint "category_user_id_name_normalized_unique" unique ("user_id", "name_normalized");`);

    this.addSql(`create table "expenses"."expense" ("id" uuid not null, "user_id" uuid not null, "vendor" text not null, "vendor_normalized" text not null, "date" date not null, "amount_minor" bigint not null, "currency" text not null, "converted_minor" bigint null, "base_currency" text null, "fx_rate" numeric(30,15) null, "fx_rate_date" date null, "fx_source" text null, "conversion_status" text not null, "subtotal_minor" bigint null, "tax_lines" jsonb not null, "tip_minor" bigint null, "payment_method" text null, "card_last4" text null, "category_id" uuid not null, "tags" text[] not null, "notes" text null, "status" text not null, "document_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "expense_user_id_document_id_index" on "expenses"."expense" ("user_id", "document_id");`);
    this.addSql(`create index "expense_user_id_created_at_id_index" on "expenses"."expense" ("user_id", "created_at", "id");`);
    this.addSql(`create index "expense_user_id_category_id_date_id_index" on "expenses"."expense" ("user_id", "category_id", "date", "id");`);
    this.addSql(`create index "expense_user_id_date_id_index" on "expenses"."expense" ("user_id", "date", "id");`);

    this.addSql(`create table "expenses"."fx_rate" ("source" text not null, "date" date not null, "currency" text not null, "rate" numeric(24,12) not null, primary key ("source", "date", "currency"));`);

    this.addSql(`create table "expenses"."idempotency_key" ("user_id" uuid not null, "key" text not null, "request_hash" text not null, "response" jsonb not null, "created_at" timestamptz not null, primary key ("user_id", "key"));`);

    this.addSql(`create table "expenses"."inbox" ("consumer" text not null, "event_id" uuid not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "expenses"."outbox" ("seq" bigserial primary key, "event_id" uuid not null, "subject" text not null, "payload" jsonb not null, "trace_context" jsonb null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "expenses"."outbox" add constraint "outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_published_at_seq_index" on "expenses"."outbox" ("published_at", "seq");`);

    this.addSql(`create table "expenses"."user_settings" ("user_id" uuid not null, "base_currency" text not null default 'EUR', "locale" text not null default 'en-GB', "updated_at" timestamptz not null, primary key ("user_id"));`);

    this.addSql(`alter table "expenses"."expense" add constraint "expense_category_id_foreign" foreign key ("category_id") references "expenses"."category" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "expenses"."expense" drop constraint "expense_category_id_foreign";`);

    this.addSql(`drop table if exists "expenses"."category" cascade;`);
    this.addSql(`drop table if exists "expenses"."expense" cascade;`);
    this.addSql(`drop table if exists "expenses"."fx_rate" cascade;`);
    this.addSql(`drop table if exists "expenses"."idempotency_key" cascade;`);
    this.addSql(`drop table if exists "expenses"."inbox" cascade;`);
    this.addSql(`drop table if exists "expenses"."outbox" cascade;`);
    this.addSql(`drop table if exists "expenses"."user_settings" cascade;`);
    // The schema stays: it holds the migrations table.
  }

}
