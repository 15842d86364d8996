import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { natsAuthorizationConfig, platformBusUsers, SERVICE_CONTRACTS } from '@irp/contracts';
import { EmbeddedPostgres, LocalNatsServer } from '@irp/embedded-infra';
import { dockerEngineAvailable } from './docker';

/** A server a test can stop and start again (same address, same data) or kill outright. */
export interface TestServer {
  readonly url: string;
  /** NATS with the bus's users: each service's password (anonymous clients act as a full-access test user). */
  readonly busPasswords?: Readonly<Record<string, string>>;
  stop(): Promise<void>;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** Stops it for good and removes its data. */
  dispose(): Promise<void>;
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `irp-${prefix}-`));
  await chmod(dir, 0o755); // traversable by the unprivileged user PostgreSQL runs as under root
  return dir;
}

/** A PostgreSQL server: a container when Docker answers, else the embedded binaries. */
export async function startPostgresServer(): Promise<TestServer> {
  if (await dockerEngineAvailable()) return startContainer('postgres:18-alpine', 5432, { POSTGRES_PASSWORD: 'postgres' }, [], (host, port) => `postgres://postgres:postgres@${host}:${port}/postgres`);
  const dir = await tempDir('pg');
  const server = await EmbeddedPostgres.start({
    dataDir: path.join(dir, 'data'),
    password: randomBytes(12).toString('hex'),
    durable: false,
    logFile: path.join(dir, 'postgres.log'),
  });
  return {
    url: server.url(),
    stop: () => server.stop(),
    start: () => server.start(),
    kill: () => server.kill(),
    dispose: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A nats-server with JetStream: a container when Docker answers, else the local binary. */
export async function startNatsServer(): Promise<TestServer> {
  if (await dockerEngineAvailable()) return startContainer('nats:2.10-alpine', 4222, {}, ['-js'], (host, port) => `nats://${host}:${port}`);
  const dir = await tempDir('nats');
  const busPasswords = Object.fromEntries(SERVICE_CONTRACTS.map(({ service }) => [service, randomBytes(18).toString('base64url')]));
  // Services started as processes connect as themselves, with their least privilege; test code and
  // services booted in the test's own process connect anonymously, as a user allowed everything.
  const users = [...platformBusUsers((service) => busPasswords[service]), { user: 'test', password: randomBytes(18).toString('base64url') }];
  const config = natsAuthorizationConfig(users, { noAuthUser: 'test' });
  const server = await LocalNatsServer.start({ dataDir: path.join(dir, 'jetstream'), logFile: path.join(dir, 'nats.log'), config });
  return {
    url: server.url,
    busPasswords,
    stop: () => server.stop(),
    start: () => server.start(),
    kill: () => server.kill(),
    dispose: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function startContainer(
  image: string,
  port: number,
  environment: Record<string, string>,
  command: string[],
  url: (host: string, port: number) => string,
): Promise<TestServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  let builder = new GenericContainer(image).withEnvironment(environment).withExposedPorts(port).withWaitStrategy(Wait.forListeningPorts());
  if (command.length > 0) builder = builder.withCommand(command);
  const container = await builder.start();
  return {
    url: url(container.getHost(), container.getMappedPort(port)),
    stop: async () => {
      await container.exec(['kill', '-STOP', '1']);
    },
    start: async () => {
      await container.exec(['kill', '-CONT', '1']);
    },
    kill: async () => {
      await container.stop({ timeout: 0 });
    },
    dispose: async () => {
      await container.stop();
    },
  };
}
