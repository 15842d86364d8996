import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startTestInfrastructure, type TestInfrastructure, type TestInfrastructureOptions } from './env';

interface Closable {
  close(): Promise<void>;
}

export interface InProcessService<T extends Closable> {
  app: T;
  infra: TestInfrastructure;
  /** A connection to the same NATS server, to call the service as other services do. */
  nc: NatsConnection;
  close(): Promise<void>;
}

export interface InProcessOptions<T extends Closable> extends TestInfrastructureOptions {
  /** Brings the fresh database to the service's schema (its migrations), before it starts. */
  migrate?: (databaseUrl: string) => Promise<unknown>;
  /** The service's own bootstrap function (the one main.ts calls). */
  create: (env: NodeJS.ProcessEnv) => Promise<T>;
  env?: NodeJS.ProcessEnv;
}

/** Boots one service in this process on a real PostgreSQL and NATS, migrated, with a client beside it. */
export async function startServiceInProcess<T extends Closable>(options: InProcessOptions<T>): Promise<InProcessService<T>> {
  const infra = await startTestInfrastructure(options);
  try {
    await options.migrate?.(infra.database.url);
    const app = await options.create({ ...infra.env, ...options.env });
    const nc = await connect({ servers: infra.nats.url, name: 'test-client' });
    return {
      app,
      infra,
      nc,
      close: async () => {
        await nc.close();
        await app.close();
        await infra.dispose();
      },
    };
  } catch (error) {
    await infra.dispose();
    throw error;
  }
}
