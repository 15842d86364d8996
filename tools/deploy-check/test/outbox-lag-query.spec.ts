import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import pg from 'pg';
import { messagingTables } from '@irp/messaging';
import { SERVICES } from '@irp/service-registry';
import { ROOT } from '../src';

// The outbox lag on the dashboard comes from postgres-exporter running this query (generated from
// the registry): run it on a real PostgreSQL with every service's messaging tables.
describe('postgres-exporter outbox query', () => {
  const queries = yaml.load(readFileSync(path.join(ROOT, 'deploy/prometheus/postgres-exporter-queries.yaml'), 'utf8')) as { irp_outbox: { query: string } };
  const withSchema = SERVICES.filter((s) => s.schema);
  const server = process.env.DATABASE_URL ?? process.env.IRP_TEST_POSTGRES_URL ?? '';
  const database = `deploy_check_${randomUUID().slice(0, 8)}`;
  let client: pg.Client;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${database}`;
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    for (const s of withSchema) {
      await client.query(`create schema "${s.schema}"`);
      for (const statement of messagingTables(s.schema ?? '').up) await client.query(statement);
    }
  });

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  const record = (schema: string, ageSeconds: number, published: boolean) =>
    client.query(`insert into "${schema}"."outbox" (event_id, subject, payload, created_at, published_at) values ($1, 'x.events.y.v1', '{}', now() - make_interval(secs => $2), $3)`, [randomUUID(), ageSeconds, published ? new Date() : null]);

  it('gives every service with a schema its backlog and the age of its oldest unpublished event', async () => {
    await record('expenses', 120, false);
    await record('expenses', 30, false);
    await record('expenses', 600, true);
    await record('mail', 5, false);
    const { rows } = await client.query<{ service: string; pending: string; lag_seconds: string }>(queries.irp_outbox.query);
    const byService = Object.fromEntries(rows.map((row) => [row.service, { pending: Number(row.pending), lag: Number(row.lag_seconds) }]));
    expect(Object.keys(byService).sort()).toEqual(withSchema.map((s) => s.name).sort());
    expect(byService.expenses.pending).toBe(2);
    expect(byService.expenses.lag).toBeGreaterThanOrEqual(120);
    expect(byService.expenses.lag).toBeLessThan(180);
    expect(byService['mail-ingest']).toEqual({ pending: 1, lag: expect.any(Number) });
    expect(byService['mail-ingest'].lag).toBeGreaterThanOrEqual(5);
    expect(byService.auth).toEqual({ pending: 0, lag: 0 });
  });
});
