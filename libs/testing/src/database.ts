import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Set by the jest global setup when it started a PostgreSQL server for the run. */
export const TEST_POSTGRES_ENV = 'IRP_TEST_POSTGRES_URL';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(override?: string): string {
  const url = override ?? process.env.DATABASE_URL ?? process.env[TEST_POSTGRES_ENV];
  if (!url) throw new Error(`no PostgreSQL for tests: set DATABASE_URL or run under the jest preset (which sets ${TEST_POSTGRES_ENV})`);
  return url;
}

async function admin<T>(server: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server (or the given one), for one test file. */
export async function createTestDatabase(serverUrlOverride?: string): Promise<TestDatabase> {
  const server = serverUrl(serverUrlOverride);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin(server, (client) => client.query(`create database ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(server, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
