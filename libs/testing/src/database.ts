import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Set by the jest global setup when it started a PostgreSQL server for the run. */
export const TEST_POSTGRES_ENV = 'IRP_TEST_POSTGRES_URL';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env[TEST_POSTGRES_ENV];
  if (!url) throw new Error(`no PostgreSQL for tests: set DATABASE_URL or run under the jest preset (which sets ${TEST_POSTGRES_ENV})`);
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
