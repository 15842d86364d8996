// What every benchmark starts from: its own PostgreSQL and NATS in a temp dir, and the options
// (as `npm start` uses them) that migrate and start the built services against them.
import { randomUUID, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '..');
export const infra = require(path.join(root, 'dist/libs/embedded-infra/src/index.js'));
const contracts = require(path.join(root, 'dist/libs/contracts/src/index.js'));

// Budgets no benchmark reaches: the gateway still counts every request, so the limiter's cost is in the figures.
const BENCH_RATE_LIMITS = { RATE_LIMIT_READS: '1000000000', RATE_LIMIT_WRITES: '1000000000', RATE_LIMIT_UPLOADS: '1000000000', RATE_LIMIT_UPLOAD_BYTES: String(2 ** 50) };

/** `env` and `serviceEnv` add to the services' environment; `dispose()` stops the servers and removes the dir. */
export async function startBenchInfrastructure({ env = {}, serviceEnv = {} } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'irp-bench-'));
  await chmod(dir, 0o755);
  const postgres = await infra.EmbeddedPostgres.start({ dataDir: path.join(dir, 'pg'), password: 'bench', logFile: path.join(dir, 'pg.log') });
  // As `npm start`: every service on its own NATS user and permissions; the benchmark's own clients
  // connect anonymously, as a user allowed everything.
  const busPasswords = Object.fromEntries(contracts.SERVICE_CONTRACTS.map(({ service }) => [service, `bench-${service}`]));
  const users = [...contracts.platformBusUsers((service) => busPasswords[service]), { user: 'bench', password: 'bench' }];
  const config = contracts.natsAuthorizationConfig(users, { noAuthUser: 'bench' });
  const nats = await infra.LocalNatsServer.start({ dataDir: path.join(dir, 'nats'), config });
  const signingKey = infra.generateSigningKey();
  const options = {
    root,
    databaseUrl: postgres.url(),
    natsUrl: nats.url,
    secrets: { AUTH_JWT_PRIVATE_KEY: signingKey },
    busPasswords,
    ports: 'random',
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'production', OPS_HOST: '127.0.0.1', HOST: '127.0.0.1', ...env },
    serviceEnv: { ...serviceEnv, gateway: { ...BENCH_RATE_LIMITS, ...serviceEnv.gateway } },
  };
  return {
    postgres,
    nats,
    signingKey,
    options,
    async dispose() {
      await nats.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Registers an account through the gateway and logs in: the account and its access token. */
export async function signUp(api, email = 'bench@example.com') {
  const credentials = { email, password: 'a long bench password' };
  const post = (route) => fetch(`${api}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) }).then((r) => r.json());
  const user = await post('/auth/register');
  const { accessToken } = await post('/auth/login');
  return { user, accessToken };
}

/** The p-th percentile (0–100) of ascending samples. */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const TICK_MS = 1000 / 100; // /proc CPU times are in clock ticks of 10 ms

/** CPU milliseconds used so far by each process of the platform (and this benchmark), with a short name. */
export function cpuTimes() {
  const times = new Map();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const name =
        Number(pid) === process.pid
          ? 'benchmark'
          : (/dist\/apps\/([\w-]+)\//.exec(command)?.[1] ?? (command.startsWith('postgres') ? 'postgresql' : /nats-server/.test(command) ? 'nats-server' : null));
      if (name) times.set(pid, { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // gone meanwhile
    }
  }
  return times;
}

/** CPU per process name between two cpuTimes(), in ms per second (10 = 1% of one core), largest first. */
export function cpuPerProcess(before, after, seconds) {
  const byName = new Map();
  for (const [pid, { name, ms }] of after) byName.set(name, (byName.get(name) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  return [...byName].map(([name, ms]) => ({ name, msPerSecond: ms / seconds })).sort((a, b) => b.msPerSecond - a.msPerSecond);
}

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token for `userId` signed with the platform's key, as auth would issue it (no sign-up per user). */
export function accessToken(privateKey, kid, userId) {
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ sub: userId, roles: [], iss: 'irp-auth', aud: 'irp-api', iat: now, exp: now + 3600, jti: randomUUID() })}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

export const pick = (list) => list[Math.floor(Math.random() * list.length)];
