import { startPostgresServer } from '../servers';
import { TEST_POSTGRES_ENV } from '../database';

/** Starts one PostgreSQL server for a jest run, unless DATABASE_URL names one. Test files create their own databases in it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL || process.env[TEST_POSTGRES_ENV]) return;
  const server = await startPostgresServer();
  process.env[TEST_POSTGRES_ENV] = server.url;
  (globalThis as { __irpPostgres?: unknown }).__irpPostgres = server;
}
