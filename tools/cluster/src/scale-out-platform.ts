import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { natsAuthorizationConfig, platformBusUsers, SERVICE_CONTRACTS } from '@irp/contracts';
import {
  EmbeddedPostgres,
  freePort,
  generateSigningKey,
  LocalNatsCluster,
  migratePlatform,
  startPlatform,
  type PlatformOptions,
  type RunningPlatform,
  type SupervisorEvent,
} from '@irp/embedded-infra';
import { RoundRobinProxy } from './round-robin-proxy';

export interface ScaleOutOptions {
  /** Workspace root: dist/ holds the built services. */
  root: string;
  /** Data and logs of this run (PostgreSQL, the three NATS stores). */
  dataDir: string;
  /** Replicas of every registered service. */
  replicas?: number;
  natsNodes?: number;
  onSupervisorEvent?: (replica: number, event: SupervisorEvent) => void;
  onLine?: (replica: number, service: string, line: string) => void;
}

export interface ScaleOutPlatform {
  /** The round-robin proxy in front of the gateway replicas. */
  gatewayUrl: string;
  proxy: RoundRobinProxy;
  nats: LocalNatsCluster;
  /** Full-access credentials for checking the bus (not a service's). */
  operator: { user: string; password: string };
  databaseUrl: string;
  /** One running platform (a replica of every service) per replica index. */
  replicas: RunningPlatform[];
  stop(): Promise<void>;
}

// Budgets no load here reaches: the run measures recovery, not the rate limiter.
const NO_RATE_LIMITS = {
  AUTH_RATE_LIMIT: '100000',
  RATE_LIMIT_READS: '100000',
  RATE_LIMIT_WRITES: '100000',
  RATE_LIMIT_UPLOADS: '100000',
  RATE_LIMIT_UPLOAD_BYTES: String(100 * 1024 ** 3),
};

const secret = () => randomBytes(18).toString('base64url');

/**
 * The platform scaled out on one machine: a JetStream cluster of `natsNodes` servers (streams at
 * that many replicas, up to 3), one PostgreSQL, migrations applied, and `replicas` copies of every
 * registered service, each supervised (restarted when killed), the gateways behind one proxy.
 */
export async function startScaleOutPlatform(options: ScaleOutOptions): Promise<ScaleOutPlatform> {
  const replicaCount = options.replicas ?? 2;
  const natsNodes = options.natsNodes ?? 3;
  await mkdir(path.join(options.dataDir, 'logs'), { recursive: true });
  const busPasswords = Object.fromEntries(SERVICE_CONTRACTS.map(({ service }) => [service, secret()]));
  const operator = { user: 'operator', password: secret() };
  const postgres = await EmbeddedPostgres.start({ dataDir: path.join(options.dataDir, 'postgres'), password: secret(), durable: false, logFile: path.join(options.dataDir, 'logs', 'postgres.log') });
  const stoppable: { stop(): Promise<void> }[] = [postgres];
  try {
    const nats = await LocalNatsCluster.start({
      dataDir: path.join(options.dataDir, 'nats'),
      size: natsNodes,
      config: natsAuthorizationConfig([...platformBusUsers((service) => busPasswords[service]), operator]),
      logDir: path.join(options.dataDir, 'logs'),
    });
    stoppable.unshift(nats);
    const base: Omit<PlatformOptions, 'ports'> = {
      root: options.root,
      databaseUrl: postgres.url('postgres'),
      natsUrl: nats.url,
      busPasswords,
      secrets: { AUTH_JWT_PRIVATE_KEY: generateSigningKey() },
      env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', OPS_HOST: '127.0.0.1', NATS_STREAM_REPLICAS: String(Math.min(3, natsNodes)) },
      // SMTP_PORT 0: each mail-ingest replica listens on a port of its own. OCR_ENGINES tesseract:
      // the fastest reader, so the uploads' backlog drains in time on a 2-core machine running
      // every replica (the guarantees under test do not depend on the engine).
      serviceEnv: { gateway: NO_RATE_LIMITS, expenses: { FX_FEED_ENABLED: 'false' }, ocr: { OCR_WORKERS: '1', OCR_ENGINES: 'tesseract' }, 'mail-ingest': { SMTP_PORT: '0' } },
    };
    await migratePlatform({ ...base, ports: 'random' });
    const replicas: RunningPlatform[] = [];
    const gatewayPorts: number[] = [];
    // One after the other: the first replica creates the streams, the machine has few cores.
    for (let index = 0; index < replicaCount; index++) {
      gatewayPorts.push(await freePort());
      const replica = await startPlatform({
        ...base,
        ports: { gateway: gatewayPorts[index], ops: 'random' },
        onSupervisorEvent: (event) => options.onSupervisorEvent?.(index, event),
        onLine: (service, line) => options.onLine?.(index, service, line),
      });
      replicas.push(replica);
      stoppable.unshift(replica);
    }
    const proxy = await RoundRobinProxy.start(gatewayPorts.map((port) => `http://127.0.0.1:${port}`));
    stoppable.unshift(proxy);
    return {
      gatewayUrl: proxy.url,
      proxy,
      nats,
      operator,
      databaseUrl: postgres.url('postgres'),
      replicas,
      stop: () => stopAll(stoppable),
    };
  } catch (error) {
    await stopAll(stoppable);
    throw error;
  }
}

/** In order: the proxy, the services, then NATS and PostgreSQL. */
async function stopAll(stoppable: { stop(): Promise<void> }[]): Promise<void> {
  for (const part of stoppable) await part.stop();
}
