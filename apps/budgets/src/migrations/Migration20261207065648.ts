import { Migration } from '@mikro-orm/migrations';

/** Budgets, the expense projection, alerts (one per budget, period and threshold), webhooks and their deliveries. */
export class Migration20261207065648 extends Migration {

  override name = 'Migration20261207065648';

  override up(): void | Promise<void> {
    this.addSql(`create table "budgets"."alert" ("id" uuid not null, "user_id" uuid not null, "budget_id" uuid not null, "budget_name" text not null, "period_start" date not null, "period_end" date not null, "threshold" int not null, "spent_minor" bigint not null, "available_minor" bigint not null, "currency" text not null, "raised_at" timestamptz not null, "acknowledged_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "alert_user_id_raised_at_id_index" on "budgets"."alert" ("user_id", "raised_at", "id");`);
    this.addSql(`alter table "budgets"."alert" add constraint "alert_once_per_period" unique ("budget_id", "period_start", "threshold");`);

    this.addSql(`create table "budgets"."budget" ("id" uuid not null, "user_id" uuid not null, "name" text not null, "amount_minor" bigint not null, "currency" text not null, "scope" text not null, "category_id" uuid null, "category_name" text null, "tag" text null, "period" text not null, "custom_periods" jsonb not null, "time_zone" text not null, "rollover" boolean not null, "thresholds" jsonb not null, "starts_on" date not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "budget_user_id_created_at_index" on "budgets"."budget" ("user_id", "created_at");`);

    this.addSql(`create table "budgets"."expense_projection" ("expense_id" uuid not null, "user_id" uuid not null, "version" int not null, "deleted" boolean not null, "date" date not null, "category_id" uuid not null, "tags" text[] not null, "converted_minor" bigint null, "currency" text null, "applied_at" timestamptz not null, primary key ("expense_id"));`);
    this.addSql(`create index "expense_projection_spend" on "budgets"."expense_projection" ("user_id", "date") include ("converted_minor", "currency", "category_id", "deleted");`);

    this.addSql(`create table "budgets"."webhook" ("id" uuid not null, "user_id" uuid not null, "url" text not null, "description" text null, "secret" text not null, "enabled" boolean not null default true, "disabled_reason" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_user_id_created_at_index" on "budgets"."webhook" ("user_id", "created_at");`);

    this.addSql(`create table "budgets"."webhook_delivery" ("id" uuid not null, "webhook_id" uuid not null, "user_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "body" text not null, "status" text not null default 'pending', "attempts" int not null default 0, "last_status_code" int null, "next_attempt_at" timestamptz null, "log" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_webhook_id_created_at_index" on "budgets"."webhook_delivery" ("webhook_id", "created_at");`);
    this.addSql(`create index "webhook_delivery_due" on "budgets"."webhook_delivery" ("status", "next_attempt_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "budgets"."alert" cascade;`);
    this.addSql(`drop table if exists "budgets"."budget" cascade;`);
    this.addSql(`drop table if exists "budgets"."expense_projection" cascade;`);
    this.addSql(`drop table if exists "budgets"."webhook" cascade;`);
    this.addSql(`drop table if exists "budgets"."webhook_delivery" cascade;`);
  }

}
