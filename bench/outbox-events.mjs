// What the outbox costs and how fast events leave it, measured on the built services (npm run build first):
//   npm run bench:events [-- --idle-seconds 30 --expenses 300]
// Starts its own PostgreSQL, NATS and the services (as `npm start` does, in a temp dir), then measures
//   1. CPU used by each process while the platform is idle (from /proc),
//   2. the time from POST /api/v1/expenses until a subscriber to the EXPENSES stream receives its
//      expense.created event, one expense every 50 ms or more (a relay kept busy gathers the events
//      of up to 20 ms into one batch, so back-to-back events wait up to that long).
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { cpuPerProcess, cpuTimes, infra, percentile, root, signUp, startBenchInfrastructure } from './bench-platform.mjs';

const { connectNats } = createRequire(import.meta.url)(path.join(root, 'dist/libs/messaging/src/index.js'));

const { values: args } = parseArgs({ options: { 'idle-seconds': { type: 'string', default: '30' }, expenses: { type: 'string', default: '300' } } });
const IDLE_SECONDS = Number(args['idle-seconds']);
const EXPENSES = Number(args.expenses);

const { nats, options, dispose } = await startBenchInfrastructure({ serviceEnv: { expenses: { FX_FEED_ENABLED: 'false' } } });
let platform;
let nc;
try {
  await infra.migratePlatform(options);
  platform = await infra.startPlatform(options);
  await sleep(5_000); // start-up work settles
  const before = cpuTimes();
  await sleep(IDLE_SECONDS * 1000);
  const idle = cpuPerProcess(before, cpuTimes(), IDLE_SECONDS).filter(({ name }) => name !== 'benchmark');

  const api = `${platform.gatewayUrl}/api/v1`;
  const { accessToken } = await signUp(api);

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
    await fetch(`${api}/expenses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ vendor: `Cafe ${i}`, date: '2026-03-01', amount: '12.34', currency: 'EUR', category: 'meals' }),
    }).then((response) => response.arrayBuffer());
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
  await dispose();
}
