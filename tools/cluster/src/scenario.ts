import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { waitFor } from '@irp/embedded-infra';
import { audit, isQuiescent, type Audit } from './audit';
import { killOneOfEach, SupervisorLog, type Kill } from './chaos';
import { summarise, type Figures } from './figures';
import { LoadGenerator, type Operation } from './load';
import { startScaleOutPlatform } from './scale-out-platform';
import { ServiceLogs } from './service-logs';

export interface ScenarioOptions {
  root: string;
  /** How long the load runs; the kills happen in its middle part. */
  durationMs: number;
  uploadsPerSecond: number;
  expenseWritesPerSecond: number;
  users?: number;
  /** Kept after the run (logs, stores) instead of a temporary directory that is removed. */
  dataDir?: string;
  /** Progress lines for the terminal. */
  onProgress?: (message: string) => void;
}

export interface ScenarioResult {
  figures: Figures;
  audit: Audit;
  kills: Kill[];
  operations: Operation[];
}

/**
 * The scale-out proof: the platform on a 3-node JetStream cluster with two replicas of every
 * service, a steady load through the gateway, one NATS node and one replica of each service
 * SIGKILLed and restarted under it; then, once all is quiet, every accepted operation is checked.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const progress = options.onProgress ?? (() => undefined);
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'irp-cluster-')));
  await chmod(dataDir, 0o755); // PostgreSQL runs as nobody when we are root
  const supervisors = new SupervisorLog();
  progress(`starting 3 NATS servers, PostgreSQL and 2 replicas of every service (data in ${dataDir})`);
  const logs = new ServiceLogs(path.join(dataDir, 'logs'));
  const platform = await startScaleOutPlatform({
    root: options.root,
    dataDir,
    onSupervisorEvent: (replica, event) => supervisors.record(replica, event),
    onLine: (replica, service, line) => logs.write(`${service}-${replica}`, line),
  });
  const nc = await connect({ servers: platform.nats.url.split(','), user: platform.operator.user, pass: platform.operator.password, maxReconnectAttempts: -1 });
  const db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  try {
    const run = randomBytes(3).toString('hex');
    progress(`load: ${options.uploadsPerSecond} uploads/s and ${options.expenseWritesPerSecond} expense writes/s for ${options.durationMs / 1000} s`);
    const started = Date.now();
    const load = await LoadGenerator.start({
      apiUrl: `${platform.gatewayUrl}/api/v1`,
      run,
      users: options.users ?? 3,
      uploadsPerSecond: options.uploadsPerSecond,
      expenseWritesPerSecond: options.expenseWritesPerSecond,
    });
    await sleep(options.durationMs * 0.2);
    progress('killing one NATS server and one replica of every service (SIGKILL)');
    const kills = await killOneOfEach(platform, supervisors, { windowMs: options.durationMs * 0.5, natsDownMs: Math.min(5_000, options.durationMs * 0.1) });
    const gaveUp = supervisors.gaveUp();
    if (gaveUp.length > 0) throw new Error(`supervisors gave up on ${gaveUp.join(', ')}`);
    await sleep(Math.max(0, started + options.durationMs - Date.now()));
    progress('load stopped; waiting for retries and for the platform to be quiet');
    await load.stop();
    const loadEnded = Date.now();
    const documentIds = load.operations.flatMap((operation) => (operation.kind === 'upload' && operation.acceptedId ? [operation.acceptedId] : []));
    await waitFor('the platform to be quiet (documents read, outboxes published, consumers caught up)', () => isQuiescent(db, nc, documentIds), 180_000);
    const quietAfterMs = Date.now() - loadEnded;
    progress('auditing');
    const result = await audit(
      db,
      nc,
      load.operations,
      load.users.map((user) => user.userId),
    );
    return { figures: summarise(load.operations, kills, result, { quietAfterMs, failovers: platform.proxy.failovers, expectedReplicas: Math.min(3, platform.nats.servers.length) }), audit: result, kills, operations: load.operations };
  } finally {
    await db.end();
    await nc.close();
    await platform.stop();
    await logs.close();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
