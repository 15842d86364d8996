import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import path from 'node:path';
import {
  EmbeddedPostgres,
  generateSigningKey,
  isPortOpen,
  LocalNatsServer,
  migratePlatform,
  startPlatform,
  type PlatformOptions,
  type RunningPlatform,
  type SupervisorEvent,
} from '@irp/embedded-infra';
import { natsAuthorizationConfig, platformBusUsers, SERVICE_CONTRACTS } from '@irp/contracts';

// The dev launcher behind `npm start`: PostgreSQL and NATS with data under .data/, migrations,
// every service as its own process, then waits for Ctrl-C and stops everything in order.
/* eslint-disable no-console -- this is a terminal program: it talks to the developer */

const root = path.resolve(__dirname, '../../../..');
const dataDir = process.env.DEV_DATA_DIR ? path.resolve(process.env.DEV_DATA_DIR) : path.join(root, '.data');
const env = process.env;
const ports = {
  gateway: Number(env.PORT ?? 3000),
  postgres: Number(env.DEV_POSTGRES_PORT ?? 15432),
  nats: Number(env.DEV_NATS_PORT ?? 14222),
};

interface Secrets {
  postgresPassword: string;
  jwtPrivateKey: string;
  /** Each service's NATS password (its user is its name). */
  natsPasswords: Record<string, string>;
  /** mail-ingest's key sealing IMAP passwords (MAIL_CREDENTIAL_KEYS). */
  mailCredentialKeys: string;
}

const newSecret = () => randomBytes(18).toString('base64url');

/**
 * Generated on the first start, kept (mode 600) so restarts find the same database and tokens stay
 * valid; a service added since gets its NATS password on the next start.
 */
async function loadSecrets(): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Partial<Secrets>) : {};
  const natsPasswords = Object.fromEntries(SERVICE_CONTRACTS.map(({ service }) => [service, kept.natsPasswords?.[service] ?? newSecret()]));
  const mailCredentialKeys = kept.mailCredentialKeys ?? `k1:${randomBytes(32).toString('base64')}`;
  const secrets = { postgresPassword: kept.postgresPassword ?? newSecret(), jwtPrivateKey: kept.jwtPrivateKey ?? generateSigningKey(), natsPasswords, mailCredentialKeys };
  if (JSON.stringify(secrets) !== JSON.stringify(kept)) await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

const COLORS: Record<string, string> = { auth: '\x1b[35m', gateway: '\x1b[36m', expenses: '\x1b[33m', ocr: '\x1b[32m' };

/** Service logs are JSON lines; the terminal gets `[service] level message {fields}`. */
function printLine(service: string, line: string): void {
  let text = line;
  try {
    const { level, msg, time: _time, service: _service, context, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    text = `${String(level).padEnd(5)} ${context ? `${String(context)}: ` : ''}${String(msg ?? '')}${extra}`;
  } catch {
    // not JSON: print as it is
  }
  console.log(`${COLORS[service] ?? ''}[${service}]\x1b[0m ${text}`);
}

/** The supervisor's news: a service died and is being restarted, is back, or was given up on. */
function printSupervisorEvent(event: SupervisorEvent): void {
  const tag = `${COLORS[event.service] ?? ''}[${event.service}]\x1b[0m`;
  switch (event.type) {
    case 'crashed':
      return console.error(`${tag} \x1b[31mdied unexpectedly (${event.reason})\x1b[0m`);
    case 'restarting':
      return console.error(`${tag} restarting in ${event.delayMs} ms (restart ${event.attempt})`);
    case 'restarted':
      return console.error(`${tag} restarted and ready (restart ${event.attempt})`);
    case 'gave-up':
      return console.error(
        `${tag} \x1b[31mcrashed ${event.crashes} times within ${event.windowMs / 1000} s; left down. ` +
          `Fix the cause and restart \`npm start\`. Its last lines:\x1b[0m\n${event.lastOutput}`,
      );
  }
}

/**
 * Under start.mjs, LAUNCHER_LIFELINE_FD is a pipe only start.mjs holds: when it dies, even by
 * SIGKILL, the pipe closes and we stop everything rather than run on as an orphan.
 */
function watchLifeline(onParentGone: () => void): void {
  const fd = Number(env.LAUNCHER_LIFELINE_FD);
  if (!Number.isInteger(fd) || fd < 3) return;
  const lifeline = new Socket({ fd, readable: true, writable: false });
  lifeline.on('end', onParentGone).on('close', onParentGone).on('error', onParentGone).resume();
  lifeline.unref();
}

async function assertFree(name: string, port: number, variable: string): Promise<void> {
  if (await isPortOpen(port)) {
    throw new Error(`port ${port} (${name}) is already in use; stop what uses it or set ${variable} to another port`);
  }
}

async function main(): Promise<void> {
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  await assertFree('gateway', ports.gateway, 'PORT');
  await assertFree('PostgreSQL', ports.postgres, 'DEV_POSTGRES_PORT');
  await assertFree('NATS', ports.nats, 'DEV_NATS_PORT');
  const secrets = await loadSecrets();

  console.log('starting PostgreSQL and NATS (data in .data/)');
  const postgres = await EmbeddedPostgres.start({
    dataDir: path.join(dataDir, 'postgres'),
    password: secrets.postgresPassword,
    port: ports.postgres,
    logFile: path.join(dataDir, 'logs', 'postgres.log'),
  });
  // Every service connects as itself, with the permissions its contracts give it; anonymous clients are refused.
  const busConfig = natsAuthorizationConfig(platformBusUsers((service) => secrets.natsPasswords[service]));
  const nats = await LocalNatsServer.start({ dataDir: path.join(dataDir, 'nats'), port: ports.nats, logFile: path.join(dataDir, 'logs', 'nats.log'), config: busConfig });

  let platform: RunningPlatform | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping services, then NATS and PostgreSQL ...');
    await platform?.stop();
    await nats.stop();
    await postgres.stop();
    console.log('stopped; data kept in .data/');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  watchLifeline(() => void stop(1));

  try {
    const options: PlatformOptions = {
      root,
      databaseUrl: postgres.url('postgres'),
      natsUrl: nats.url,
      secrets: { AUTH_JWT_PRIVATE_KEY: secrets.jwtPrivateKey, MAIL_CREDENTIAL_KEYS: secrets.mailCredentialKeys },
      busPasswords: secrets.natsPasswords,
      ports: { gateway: ports.gateway, ...(env.DEV_OPS_PORTS === 'random' && { ops: 'random' as const }) },
      env: { NODE_ENV: 'development', LOG_LEVEL: env.LOG_LEVEL ?? 'info', HOST: '127.0.0.1', OPS_HOST: '127.0.0.1' },
      onLine: printLine,
      onSupervisorEvent: printSupervisorEvent,
    };
    console.log('applying migrations');
    await migratePlatform(options);
    console.log('starting services');
    platform = await startPlatform(options);
  } catch (error) {
    console.error(`\nfailed to start: ${(error as Error).message}`);
    await stop(1);
    return;
  }

  const url = platform.gatewayUrl.replace('127.0.0.1', 'localhost');
  console.log(`
  Invoice & Receipt Processor is running.
    API:      ${url}/api/v1
    API docs: ${url}/api/docs
  Try:      curl -X POST ${url}/api/v1/auth/register -H 'content-type: application/json' \\
              -d '{"email":"you@example.com","password":"a long password"}'
  Ctrl-C stops everything.
`);
}

void main();
