import { Migration } from '@mikro-orm/migrations';

export class Migration20261124013107 extends Migration {

  override name = 'Migration20261124013107';

  override up(): void | Promise<void> {
    this.addSql(`create table "expenses"."document" ("id" uuid not null, "user_id" uuid not null, "object_name" text not null, "file_name" text null, "mime_type" text not null, "size" int not null, "sha256" text not null, "pages" int null, "image_hash" text null, "status" text not null, "progress" int not null, "failure_reason" text null, "extraction" jsonb null, "expense_id" uuid null, "duplicate_of" jsonb null, "idempotency_key" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "document_user_id_sha256_index" on "expenses"."document" ("user_id", "sha256");`);
    this.addSql(`create index "document_user_id_created_at_id_index" on "expenses"."document" ("user_id", "created_at", "id");`);
    this.addSql(`alter table "expenses"."document" add constraint "document_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`);

    this.addSql(`create table "expenses"."expense_correction" ("id" uuid not null, "user_id" uuid not null, "expense_id" uuid not null, "document_id" uuid not null, "field" text not null, "extracted_value" text null, "corrected_value" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "expense_correction_document_id_index" on "expenses"."expense_correction" ("document_id");`);

    this.addSql(`alter table "expenses"."expense" add "duplicate_of" jsonb null, add "extracted" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "expenses"."document" cascade;`);
    this.addSql(`drop table if exists "expenses"."expense_correction" cascade;`);

    this.addSql(`alter table "expenses"."expense" drop column "duplicate_of", drop column "extracted";`);
  }

}
