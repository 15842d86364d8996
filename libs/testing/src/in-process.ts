import type { Options } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { startTestInfrastructure, type TestInfrastructure, type TestInfrastructureOptions } from './env';

interface Closable {
  close(): Promise<void>;
}

export interface InProcessService<T extends Closable> {
  app: T;
  infra: TestInfrastructure;
  /** A client on the same NATS server, to call the service as other services do. */
  rpc: RpcClient;
  nc: NatsConnection;
  close(): Promise<void>;
}

export interface InProcessOptions<T extends Closable> extends TestInfrastructureOptions {
  /** The service's ORM config for a database URL; its migrations are applied first. */
  ormConfig?: (databaseUrl: string) => Options;
  /** The service's own bootstrap function (the one main.ts calls). */
  create: (env: NodeJS.ProcessEnv) => Promise<T>;
  env?: NodeJS.ProcessEnv;
}

/** Boots one service in this process on a real PostgreSQL and NATS, migrated, with a client beside it. */
export async function startServiceInProcess<T extends Closable>(options: InProcessOptions<T>): Promise<InProcessService<T>> {
  const infra = await startTestInfrastructure(options);
  try {
    if (options.ormConfig) await migrate(options.ormConfig(infra.database.url), 'up');
    const app = await options.create({ ...infra.env, ...options.env });
    const nc = await connectNats({ url: infra.nats.url, name: 'test-client' });
    return {
      app,
      infra,
      nc,
      rpc: new RpcClient(nc),
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
