import { Migration } from '@mikro-orm/migrations';

/** Tax settings and mapping overrides, the expense projection, report jobs. */
export class Migration20261207070017 extends Migration {

  override name = 'Migration20261207070017';

  override up(): void | Promise<void> {
    this.addSql(`create table "tax"."category_override" ("user_id" uuid not null, "profile_id" text not null, "category" text not null, "line" text not null, "deductible_percent" text not null, primary key ("user_id", "profile_id", "category"));`);

    this.addSql(`create table "tax"."expense_tax" ("id" uuid not null, "user_id" uuid not null, "version" int not null, "deleted" boolean not null, "date" date not null, "vendor" text not null, "category" text not null, "status" text not null, "currency" text not null, "amount_minor" bigint not null, "converted_minor" bigint null, "base_currency" text null, "fx_rate" text null, "fx_rate_date" date null, "fx_source" text null, "document_id" uuid null, "tax_lines" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "expense_tax_user_id_category_date_id_index" on "tax"."expense_tax" ("user_id", "category", "date", "id");`);

    this.addSql(`create table "tax"."report_job" ("id" uuid not null, "user_id" uuid not null, "status" text not null default 'queued', "profile_id" text not null, "profile_version" text not null, "tax_year_start" text not null, "period_from" date not null, "period_to" date not null, "formats" jsonb not null, "estimate_missing_tax" boolean not null, "files" jsonb not null, "error" text null, "created_at" timestamptz not null, "heartbeat_at" timestamptz null, "completed_at" timestamptz null, "expires_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "report_job_status_created_at_index" on "tax"."report_job" ("status", "created_at");`);

    this.addSql(`create table "tax"."tax_settings" ("user_id" uuid not null, "profile_id" text not null, "tax_year_start" text not null, "updated_at" timestamptz not null, primary key ("user_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "tax"."category_override" cascade;`);
    this.addSql(`drop table if exists "tax"."expense_tax" cascade;`);
    this.addSql(`drop table if exists "tax"."report_job" cascade;`);
    this.addSql(`drop table if exists "tax"."tax_settings" cascade;`);
  }

}
