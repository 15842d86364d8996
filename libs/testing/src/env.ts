import { createTestDatabase, type TestDatabase } from './database';
import { startNatsServer, startPostgresServer, type TestServer } from './servers';

/**
 * What one integration test file runs against: its own database on the run's PostgreSQL, and its
 * own NATS server (unless NATS_URL names a shared one), so files never see each other's streams.
 */
export interface TestInfrastructure {
  database: TestDatabase;
  nats: TestServer;
  /** Set when the file asked for a PostgreSQL server of its own. */
  postgres?: TestServer;
  /** Variables every service reads, pointing at this infrastructure. */
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export interface TestInfrastructureOptions {
  /** A PostgreSQL server of this file's own, which the test may stop and start (health tests). */
  ownPostgres?: boolean;
}

export async function startTestInfrastructure(options: TestInfrastructureOptions = {}): Promise<TestInfrastructure> {
  const ownPostgres = options.ownPostgres ? await startPostgresServer() : undefined;
  const [database, nats] = await Promise.all([createTestDatabase(ownPostgres?.url), natsForTest()]);
  return {
    database,
    nats,
    postgres: ownPostgres,
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DATABASE_URL: database.url, NATS_URL: nats.url, OPS_PORT: '0', OPS_HOST: '127.0.0.1' },
    dispose: async () => {
      await nats.dispose();
      if (ownPostgres) await ownPostgres.dispose();
      else await database.drop();
    },
  };
}

async function natsForTest(): Promise<TestServer> {
  const shared = process.env.NATS_URL;
  if (!shared) return startNatsServer();
  const unsupported = async () => {
    throw new Error('the NATS server named by NATS_URL cannot be stopped by a test');
  };
  return { url: shared, stop: unsupported, start: unsupported, kill: unsupported, dispose: async () => undefined };
}
