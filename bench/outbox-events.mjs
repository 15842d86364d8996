// What the outbox costs and how fast events leave it, measured on the built services (npm run build first):
//   npm run bench:events [-- --idle-seconds 30 --expenses 300]
// Starts its own PostgreSQL, NATS and the services (as `npm start` does, in a temp dir), then measures
//   1. CPU used by each process while the platform is idle (from /proc),
//   2. the time from POST /api/v1/expenses until a subscriber to the EXPENSES stream receives its
//      expense.created event, one expense every 50 ms or more (a relay kept busy gathers the events
//      of up to 20 ms into one batch, so back-to-back events wait up to that long).
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const infra = require(path.join(root, 'dist/libs/embedded-infra/src/index.js'));
const { connectNats } = require(path.join(root, 'dist/libs/messaging/src/index.js'));

const { values: args } = parseArgs({ options: { 'idle-seconds': { type: 'string', default: '30' }, expenses: { type: 'string', default: '300' } } });
const IDLE_SECONDS = Number(args['idle-seconds']);
const EXPENSES = Number(args.expenses);
const TICK_MS = 1000 / 100; // /proc CPU times are in clock ticks of 10 ms

/** CPU milliseconds used so far by every process, with a short name. */
function cpuTimes() {
  const times = new Map();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const name = /dist\/apps\/([\w-]+)\//.exec(command)?.[1] ?? (command.startsWith('postgres') ? 'postgresql' : /nats-server/.test(command) ? 'nats-server' : null);
      if (name) times.set(pid, { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // gone meanwhile
    }
  }
  return times;
}

function idleCpuPerProcess(before, after, seconds) {
  const byName = new Map();
  for (const [pid, { name, ms }] of after) byName.set(name, (byName.get(name) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  return [...byName].map(([name, ms]) => ({ name, msPerSecond: ms / seconds })).sort((a, b) => b.msPerSecond - a.msPerSecond);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const dir = await mkdtemp(path.join(tmpdir(), 'irp-bench-'));
await chmod(dir, 0o755);
const postgres = await infra.EmbeddedPostgres.start({ dataDir: path.join(dir, 'pg'), password: 'bench' });
const nats = await infra.LocalNatsServer.start({ dataDir: path.join(dir, 'nats') });
const options = {
  root,
  databaseUrl: postgres.url(),
  natsUrl: nats.url,
  secrets: { jwtPrivateKey: infra.generateSigningKey() },
  ports: 'random',
  env: { LOG_LEVEL: 'warn', NODE_ENV: 'production', OPS_HOST: '127.0.0.1', HOST: '127.0.0.1' },
  serviceEnv: { expenses: { FX_FEED_ENABLED: 'false' } },
};
let platform;
let nc;
try {
  await infra.migratePlatform(options);
  platform = await infra.startPlatform(options);
  await sleep(5_000); // start-up work settles
  const before = cpuTimes();
  await sleep(IDLE_SECONDS * 1000);
  const idle = idleCpuPerProcess(before, cpuTimes(), IDLE_SECONDS);

  const api = `${platform.gatewayUrl}/api/v1`;
  const post = (route, body, headers = {}) =>
    fetch(`${api}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());
  const credentials = { email: 'bench@example.com', password: 'a long bench password' };
  await post('/auth/register', credentials);
  const { accessToken } = await post('/auth/login', credentials);

  nc = await connectNats({ url: nats.url, name: 'bench' });
  const consumer = await jetstream(nc).consumers.get('EXPENSES', { filter_subjects: 'expenses.events.expense.created.v1', deliver_policy: DeliverPolicy.New });
  const messages = await consumer.consume();
  // One expense at a time: the event that arrives is the current one's (it may come before the HTTP answer).
  const latencies = [];
  let started = 0;
  let received = () => undefined;
  void (async () => {
    for await (const _message of messages) {
      latencies.push(performance.now() - started);
      received();
    }
  })();
  for (let i = 0; i < EXPENSES; i++) {
    const arrived = new Promise((resolve) => (received = resolve));
    started = performance.now();
    await post('/expenses', { vendor: `Cafe ${i}`, date: '2026-03-01', amount: '12.34', currency: 'EUR', category: 'meals' }, { authorization: `Bearer ${accessToken}` });
    await arrived;
    await sleep(50);
  }
  await messages.close();
  latencies.sort((a, b) => a - b);

  console.log(`\nidle platform, ${IDLE_SECONDS} s: CPU per process\n`);
  console.log('| process | CPU ms per second |');
  console.log('|---|---|');
  for (const { name, msPerSecond } of idle) console.log(`| ${name} | ${msPerSecond.toFixed(1)} |`);
  console.log(`| all | ${idle.reduce((sum, { msPerSecond }) => sum + msPerSecond, 0).toFixed(1)} |`);
  console.log(`\nPOST /expenses until a subscriber has expense.created, ${EXPENSES} expenses 50 ms apart: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
} finally {
  await nc?.close();
  await platform?.stop();
  await nats.stop();
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
