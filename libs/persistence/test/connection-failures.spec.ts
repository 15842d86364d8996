import 'reflect-metadata';
import { Entity, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@irp/testing';
import { serviceOrmConfig } from '../src';

@Entity({ tableName: 'widget' })
class Widget {
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}

interface LocalServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on a free port; closing also cuts the connections still open. */
async function listen(onConnection: (socket: Socket, track: (socket: Socket) => Socket) => void): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    return socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
  };
  const server = createServer((socket) => onConnection(track(socket), track));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A TCP proxy to PostgreSQL that cuts the first connection to send a BEGIN, as a database that
 * fails over or restarts at that moment does.
 */
function proxyCuttingFirstBegin(target: URL): Promise<LocalServer> {
  let cut = false;
  return listen((client, track) => {
    const upstream = track(connect(Number(target.port), target.hostname));
    client.on('data', (chunk) => {
      if (!cut && /\bbegin\b/i.test(chunk.toString('latin1'))) {
        cut = true;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
}

/** A server that accepts connections and never says a word. */
function silentServer(): Promise<LocalServer> {
  return listen(() => undefined);
}

describe('the connection pool when the database fails', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  function ormThrough(port: number): Promise<MikroORM> {
    const url = new URL(database.url);
    url.port = String(port);
    return MikroORM.init(serviceOrmConfig({ schema: 'auth', databaseUrl: url.toString(), entities: [Widget], migrations: [], poolMax: 1 }));
  }

  it('gets its connection back when a transaction could not begin', async () => {
    const proxy = await proxyCuttingFirstBegin(new URL(database.url));
    const orm = await ormThrough(proxy.port);
    try {
      await expect(orm.em.fork().transactional(async () => undefined)).rejects.toThrow();
      // The pool's only connection: had the failed BEGIN kept it, this would wait for it in vain.
      await expect(orm.em.fork().execute('select 1 as one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      // A kept connection would also hold up closing the pool forever.
      await Promise.race([orm.close(true), sleep(5_000)]);
      await proxy.close();
    }
  });

  it('gives up a connection the server accepted but never answered', async () => {
    const silent = await silentServer();
    const orm = await ormThrough(silent.port);
    try {
      await expect(orm.em.fork().execute('select 1')).rejects.toThrow(/timeout/i);
    } finally {
      await orm.close(true);
      await silent.close();
    }
  }, 15_000);
});
