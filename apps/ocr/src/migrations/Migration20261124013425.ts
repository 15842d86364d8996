import { Migration } from '@mikro-orm/migrations';

export class Migration20261124013425 extends Migration {

  override name = 'Migration20261124013425';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "ocr";`);
    this.addSql(`create table "ocr"."extraction" ("document_id" uuid not null, "user_id" uuid not null, "extraction" jsonb not null, "image_hash" text null, "created_at" timestamptz not null, primary key ("document_id"));`);

    this.addSql(`create table "ocr"."inbox" ("consumer" text not null, "event_id" uuid not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "ocr"."outbox" ("seq" bigserial primary key, "event_id" uuid not null, "subject" text not null, "payload" jsonb not null, "trace_context" jsonb null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "ocr"."outbox" add constraint "outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_published_at_seq_index" on "ocr"."outbox" ("published_at", "seq");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "ocr"."extraction" cascade;`);
    this.addSql(`drop table if exists "ocr"."inbox" cascade;`);
    this.addSql(`drop table if exists "ocr"."outbox" cascade;`);

    // The schema stays: it holds the migrations table.
  }

}
