import { jetstream, jetstreamManager, RetentionPolicy, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import { DEAD_LETTER_STREAM_NAME, SERVICE_CONTRACTS, STREAMS, type ServiceContracts } from '@irp/contracts';
import type { Operation } from './load';

/** A declared durable consumer and what it applied against what it should have. */
export interface ConsumerAudit {
  consumer: string;
  stream: string;
  /** Events (published from an outbox, or held by a stream) of the subjects this consumer applies. */
  expected: number;
  applied: number;
  /** Expected events without an inbox row: lost for this consumer. */
  missing: number;
  /** Subjects its filter matches that it never applied (no handler: acked, not applied). */
  ignoredSubjects: string[];
}

export interface StreamAudit {
  stream: string;
  replicas: number;
  /** Outbox rows published to the stream's subjects. */
  published: number;
  messages: number;
  /** Published events the stream does not hold. */
  lost: number;
  /** Messages carrying an event id an earlier message carried. */
  duplicates: number;
}

export interface Audit {
  uploads: { accepted: number; completed: number; failed: number; notDone: number; withoutExpense: number; withSeveralExpenses: number; failureReasons: string[] };
  expenseWrites: { accepted: number; missing: number };
  /** Expenses of the load's users that no accepted operation accounts for. */
  unaccountedExpenses: number;
  streams: StreamAudit[];
  consumers: ConsumerAudit[];
  deadLettered: number;
  /** Every stream and bucket of the account with its replica count. */
  replicas: Record<string, number>;
}

/** NATS subject matching: `*` one token, `>` the rest. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

interface OutboxRow {
  event_id: string;
  subject: string;
}

async function schemasWith(db: pg.Client, table: string): Promise<string[]> {
  const { rows } = await db.query<{ table_schema: string }>('select table_schema from information_schema.tables where table_name = $1', [table]);
  return rows.map((row) => row.table_schema);
}

/** Published outbox rows of every schema (each service's events and the jobs it queued). */
async function publishedEvents(db: pg.Client): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (const schema of await schemasWith(db, 'outbox')) {
    rows.push(...(await db.query<OutboxRow>(`select event_id, subject from "${schema}".outbox where published_at is not null`)).rows);
  }
  return rows;
}

/** Waits until the platform is still: documents read, outboxes published, consumers caught up. */
export async function isQuiescent(db: pg.Client, nc: NatsConnection, documentIds: string[]): Promise<boolean> {
  const open = await db.query('select 1 from expenses.document where id = any($1) and status not in ($2, $3)', [documentIds, 'completed', 'failed']);
  if (open.rowCount !== 0) return false;
  for (const schema of await schemasWith(db, 'outbox')) {
    if ((await db.query(`select 1 from "${schema}".outbox where published_at is null limit 1`)).rowCount !== 0) return false;
  }
  const jsm = await jetstreamManager(nc);
  for await (const stream of jsm.streams.list()) {
    for await (const consumer of jsm.consumers.list(stream.config.name)) {
      if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
    }
  }
  return true;
}

/** Every event the stream holds, one entry per message. */
async function eventsIn(nc: NatsConnection, jsm: JetStreamManager, stream: string): Promise<OutboxRow[]> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return [];
  const events: OutboxRow[] = [];
  const messages = await (await jetstream(nc).consumers.get(stream)).consume();
  for await (const message of messages) {
    events.push({ event_id: message.headers?.get('Nats-Msg-Id') || message.json<{ id: string }>().id, subject: message.subject });
    if (message.info.pending === 0) break;
  }
  messages.stop();
  return events;
}

/** Each event stream against the outbox rows published to it; also returns every event the streams hold. */
async function auditStreams(nc: NatsConnection, published: OutboxRow[]): Promise<{ audits: StreamAudit[]; held: OutboxRow[] }> {
  const jsm = await jetstreamManager(nc);
  const audits: StreamAudit[] = [];
  const held: OutboxRow[] = [];
  for (const definition of Object.values(STREAMS)) {
    const info = await jsm.streams.info(definition.name).catch(() => undefined);
    if (!info || info.config.retention === RetentionPolicy.Workqueue) continue; // a work queue keeps nothing once done
    const events = await eventsIn(nc, jsm, definition.name);
    const ids = new Set(events.map((event) => event.event_id));
    held.push(...events);
    audits.push({
      stream: definition.name,
      replicas: info.config.num_replicas,
      published: published.filter((event) => definition.subjects.some((filter) => subjectMatches(filter, event.subject))).length,
      messages: events.length,
      lost: published.filter((event) => definition.subjects.some((filter) => subjectMatches(filter, event.subject)) && !ids.has(event.event_id)).length,
      duplicates: events.length - ids.size,
    });
  }
  return { audits, held };
}

async function auditConsumers(db: pg.Client, events: OutboxRow[]): Promise<ConsumerAudit[]> {
  const subjectOf = new Map(events.map((event) => [event.event_id, event.subject]));
  const inbox = new Map<string, Set<string>>();
  for (const schema of await schemasWith(db, 'inbox')) {
    for (const row of (await db.query<{ consumer: string; event_id: string }>(`select consumer, event_id from "${schema}".inbox`)).rows) {
      if (!inbox.has(row.consumer)) inbox.set(row.consumer, new Set());
      inbox.get(row.consumer)?.add(row.event_id);
    }
  }
  const services: readonly ServiceContracts[] = SERVICE_CONTRACTS;
  return services.flatMap((contracts) =>
    Object.entries(contracts.uses?.consumers ?? {}).map(([consumer, { stream, filter }]) => {
      const applied = inbox.get(consumer) ?? new Set<string>();
      const matching = events.filter((event) => subjectMatches(filter, event.subject));
      const appliedSubjects = new Set([...applied].map((id) => subjectOf.get(id)));
      const expected = matching.filter((event) => appliedSubjects.has(event.subject));
      return {
        consumer,
        stream: stream.name,
        expected: expected.length,
        applied: applied.size,
        missing: expected.filter((event) => !applied.has(event.event_id)).length,
        ignoredSubjects: [...new Set(matching.map((event) => event.subject))].filter((subject) => !appliedSubjects.has(subject)),
      };
    }),
  );
}

async function auditUploads(db: pg.Client, uploads: Operation[]): Promise<Audit['uploads']> {
  const ids = uploads.map((upload) => upload.acceptedId).filter((id): id is string => id !== undefined);
  const { rows } = await db.query<{ status: string; expenses: string; failure_reason: string | null }>(
    `select d.status, d.failure_reason, (select count(*) from expenses.expense e where e.document_id = d.id) as expenses
       from expenses.document d where d.id = any($1)`,
    [ids],
  );
  const count = (predicate: (row: { status: string; expenses: number }) => boolean) => rows.map((row) => ({ ...row, expenses: Number(row.expenses) })).filter(predicate).length;
  return {
    accepted: ids.length,
    completed: count((row) => row.status === 'completed'),
    failed: count((row) => row.status === 'failed'),
    notDone: ids.length - rows.length + count((row) => row.status !== 'completed' && row.status !== 'failed'),
    withoutExpense: ids.length - rows.length + count((row) => row.expenses === 0),
    withSeveralExpenses: count((row) => row.expenses > 1),
    failureReasons: rows.flatMap((row) => (row.status === 'failed' ? [row.failure_reason ?? 'no reason'] : [])),
  };
}

/** Checks, after the load and the kills, that every accepted operation had its effect exactly once. */
export async function audit(db: pg.Client, nc: NatsConnection, operations: Operation[], userIds: string[]): Promise<Audit> {
  const uploads = operations.filter((operation) => operation.kind === 'upload');
  const writes = operations.filter((operation) => operation.kind === 'expense' && operation.acceptedId !== undefined).map((operation) => operation.acceptedId as string);
  const found = await db.query('select id from expenses.expense where id = any($1)', [writes]);
  const uploadAudit = await auditUploads(db, uploads);
  const documentIds = uploads.map((upload) => upload.acceptedId).filter((id): id is string => id !== undefined);
  const unaccounted = await db.query<{ count: string }>(
    'select count(*) from expenses.expense where user_id = any($1) and not (id = any($2) or coalesce(document_id = any($3), false))',
    [userIds, writes, documentIds],
  );
  const published = await publishedEvents(db);
  const streams = await auditStreams(nc, published);
  // Some events go to JetStream directly (no state change to commit with them): the streams know those.
  const events = [...new Map([...published, ...streams.held].map((event) => [event.event_id, event])).values()];
  const jsm = await jetstreamManager(nc);
  const replicas: Record<string, number> = {};
  for await (const stream of jsm.streams.list()) replicas[stream.config.name] = stream.config.num_replicas;
  const dlq = await jsm.streams.info(DEAD_LETTER_STREAM_NAME).catch(() => undefined);
  return {
    uploads: uploadAudit,
    expenseWrites: { accepted: writes.length, missing: writes.length - (found.rowCount ?? 0) },
    unaccountedExpenses: Number(unaccounted.rows[0].count),
    streams: streams.audits,
    consumers: await auditConsumers(db, events),
    deadLettered: dlq?.state.messages ?? 0,
    replicas,
  };
}
