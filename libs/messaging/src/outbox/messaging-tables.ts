import { outboxNotifyTrigger } from './outbox-notifications';

/**
 * The SQL of a service's messaging tables (inbox, outbox and its commit trigger), for the service's
 * first migration: every service gets the same tables from here instead of a copy of its own.
 */
export function messagingTables(schema: string): { up: string[]; down: string[] } {
  const trigger = outboxNotifyTrigger(schema);
  return {
    up: [
      `create table "${schema}"."inbox" ("consumer" text not null, "event_id" uuid not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`,
      `create table "${schema}"."outbox" ("seq" bigserial primary key, "event_id" uuid not null, "subject" text not null, "payload" jsonb not null, "trace_context" jsonb null, "created_at" timestamptz not null, "published_at" timestamptz null);`,
      `alter table "${schema}"."outbox" add constraint "outbox_event_id_unique" unique ("event_id");`,
      `create index "outbox_published_at_seq_index" on "${schema}"."outbox" ("published_at", "seq");`,
      ...trigger.up,
    ],
    down: [...trigger.down, `drop table if exists "${schema}"."outbox" cascade;`, `drop table if exists "${schema}"."inbox" cascade;`],
  };
}
