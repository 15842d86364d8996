// Budget status latency and expense → alert latency through the gateway (issue 15's benchmark).
//   npm run build && npm run bench:budgets [-- --users 1000 --expenses 1000000 --seconds 20 --samples 200 --readings-kept 10000]
// (`--readings-kept 0`: budgets keeps no status readings, so every status read sums the projection)
// Starts its own PostgreSQL, NATS and services (as `npm start` does, in a temp dir), then
//   1. seeds the budgets schema straight with SQL: the expense projection (the rows the expense
//      events would have written) over the last 365 days for every user, and per user an overall
//      monthly budget with rollover (the costliest status: one more range to sum) and a category one;
//   2. GET /api/v1/budgets/:id/status with autocannon at 10, then 50 connections, after a 5 s warm-up;
//   3. expense → alert: POST /api/v1/expenses (the real expenses service, its outbox and the
//      EXPENSES stream) with a budget it takes over 100 %, then GET /api/v1/alerts?budgetId=… every
//      2 ms until the alert is listed; one sample at a time, the budget deleted after each.
import autocannon from 'autocannon';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { accessToken, cpuPerProcess, cpuTimes, infra, percentile, pick, startBenchInfrastructure } from './bench-platform.mjs';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '1000' },
    expenses: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '20' },
    samples: { type: 'string', default: '200' },
    'readings-kept': { type: 'string', default: '10000' },
  },
});
const USERS = Number(values.users);
const EXPENSES = Number(values.expenses);
const SECONDS = Number(values.seconds);
const SAMPLES = Number(values.samples);
const WARM_UP_SECONDS = 5;
const CATEGORIES = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

async function seed(client) {
  const started = performance.now();
  await client.query(`create temporary table seed_user as select gen_random_uuid() as id, n from generate_series(1, $1) n`, [USERS]);
  await client.query(`insert into budgets.expense_projection (expense_id, user_id, version, deleted, date, category_id, tags, converted_minor, currency, applied_at)
    select gen_random_uuid(), u.id, 1, false, current_date - ((i * 7919) % 365)::int, ($3::uuid[])[1 + (i % 12)::int],
           case when i % 10 = 0 then '{team}'::text[] else '{}'::text[] end, 100 + ((i * 104729) % 5000)::bigint, 'EUR', now()
      from generate_series(1::bigint, $1) i join seed_user u on u.n = 1 + (i % $2)`, [EXPENSES, USERS, CATEGORIES]);
  await client.query(`insert into budgets.budget (id, user_id, name, amount_minor, currency, scope, category_id, category_name, tag, period,
       custom_periods, time_zone, rollover, thresholds, starts_on, created_at, updated_at)
    select gen_random_uuid(), u.id, 'All', 10000000, 'EUR', 'overall', null, null, null, 'monthly', '[]'::jsonb, 'Europe/Berlin', true, '[50,80,100]'::jsonb,
           current_date - 300, now(), now() from seed_user u
    union all
    select gen_random_uuid(), u.id, 'Meals', 300000, 'EUR', 'category', $1::uuid, 'meals', null, 'monthly', '[]'::jsonb, 'UTC', false, '[50,80,100]'::jsonb,
           current_date, now(), now() from seed_user u`, [CATEGORIES[0]]);
  // As autovacuum would after a load: the visibility map lets status sums use index-only scans.
  await client.query('vacuum analyze budgets.expense_projection');
  await client.query('analyze budgets.budget');
  return (performance.now() - started) / 1000;
}

async function cannon(options) {
  const before = cpuTimes();
  const result = await autocannon({ duration: SECONDS, ...options });
  return { ...result, cpu: cpuPerProcess(before, cpuTimes(), SECONDS) };
}

/** The status RPC straight over NATS (no gateway): what the budgets service itself takes. */
async function statusOverNats(natsUrl, budgets, connections) {
  const nc = await connect({ servers: natsUrl, user: 'bench', pass: 'bench' });
  const latencies = [];
  const deadline = Date.now() + SECONDS * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const { id, userId } = pick(budgets);
          const started = performance.now();
          const reply = await nc.request('budgets.budget.status.v1', JSON.stringify({ pattern: 'budgets.budget.status.v1', data: { userId, budgetId: id }, id: randomUUID() }), { timeout: 5000 });
          if (!reply.json().response) throw new Error(`status failed: ${reply.string()}`);
          latencies.push(performance.now() - started);
        }
      }),
    );
  } finally {
    await nc.close();
  }
  latencies.sort((a, b) => a - b);
  return { rps: (latencies.length / SECONDS).toFixed(0), p50: percentile(latencies, 50).toFixed(1), p99: percentile(latencies, 99).toFixed(1) };
}

async function call(api, method, route, token, body) {
  const response = await fetch(`${api}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** Milliseconds from POST /expenses to the alert it causes being listed, one sample at a time. */
async function expenseToAlert(api, tokens) {
  const spent = new Map(tokens.map((token) => [token, 0]));
  const today = new Date().toISOString().slice(0, 10);
  const expense = (token) => call(api, 'POST', '/expenses', token, { vendor: 'Bench Cafe', date: today, amount: '6.00', currency: 'EUR', category: 'meals' });
  for (const token of tokens) {
    // The first expense of a user also creates its categories and settings; a loaded machine may fail it once.
    await expense(token).catch(() => sleep(1000).then(() => expense(token)));
    spent.set(token, 600);
  }
  const latencies = [];
  let errors = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const token = tokens[i % tokens.length];
    // Spend so far plus 5.00: the next 6.00 crosses 100 %.
    const amount = ((spent.get(token) + 500) / 100).toFixed(2);
    const budget = await call(api, 'POST', '/budgets', token, { name: 'Probe', amount, period: 'monthly', thresholds: [100] });
    const started = performance.now();
    try {
      await expense(token);
    } catch (error) {
      errors += 1;
      console.error(`sample ${i}: ${error.message}`);
      await call(api, 'DELETE', `/budgets/${budget.id}`, token);
      continue;
    }
    spent.set(token, spent.get(token) + 600);
    for (;;) {
      const { items } = await call(api, 'GET', `/alerts?budgetId=${budget.id}`, token);
      if (items.length > 0) break;
      if (performance.now() - started > 10_000) throw new Error('no alert within 10 s');
      await sleep(2);
    }
    latencies.push(performance.now() - started);
    await call(api, 'DELETE', `/budgets/${budget.id}`, token);
  }
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

const { postgres, signingKey, options, dispose } = await startBenchInfrastructure({
  env: { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.01', DATABASE_POOL_MAX: '20' },
  serviceEnv: {
    expenses: { FX_FEED_ENABLED: 'false' },
    ...(process.env.PROFILE && { gateway: { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof/gateway' } }),
    budgets: { BUDGETS_RECONCILE_INTERVAL_SECONDS: '0', BUDGETS_STATUS_READINGS_KEPT: values['readings-kept'], ...(process.env.PROFILE && { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof/budgets' }) },
  },
});
let platform;
const admin = new pg.Client({ connectionString: postgres.url() });
try {
  await infra.migratePlatform(options);
  await admin.connect();
  const seedSeconds = await seed(admin);
  platform = await infra.startPlatform(options);
  const api = `${platform.gatewayUrl}/api/v1`;
  const { keys } = await (await fetch(`${api}/auth/jwks`)).json();
  const privateKey = createPrivateKey(signingKey);
  const { rows } = await admin.query('select id, user_id from budgets.budget');
  const targets = rows.map((row) => ({ path: `/api/v1/budgets/${row.id}/status`, token: accessToken(privateKey, keys[0].kid, row.user_id) }));
  const statusRequests = [{ setupRequest: (request) => { const t = pick(targets); return { ...request, path: t.path, headers: { authorization: `Bearer ${t.token}` } }; } }];

  // Not measured: the first seconds of fresh processes (JIT, pools, PostgreSQL's caches) are not the steady state.
  await autocannon({ url: api, duration: WARM_UP_SECONDS, connections: 10, requests: statusRequests });
  const at10 = await cannon({ url: api, connections: 10, requests: statusRequests });
  const at50 = await cannon({ url: api, connections: 50, requests: statusRequests });
  const budgets = rows.map((row) => ({ id: row.id, userId: row.user_id }));
  const rpc10 = await statusOverNats(options.natsUrl, budgets, 10);
  const { latencies: alertLatencies, errors: alertErrors } = await expenseToAlert(api, Array.from({ length: 5 }, () => accessToken(privateKey, keys[0].kid, randomUUID())));
  const p = (q) => percentile(alertLatencies, q).toFixed(1);

  console.log(`\n${EXPENSES.toLocaleString('en')} projected expenses across ${USERS} users, 2 budgets each (seeded in ${seedSeconds.toFixed(0)} s); ${SECONDS} s per run after a ${WARM_UP_SECONDS} s warm-up; status readings kept for ${values['readings-kept']} budgets\n`);
  console.log('| what | req/s | p50 | p99 | errors |');
  console.log('|---|---|---|---|---|');
  console.log(`| GET /budgets/:id/status, 10 connections | ${at10.requests.average.toFixed(0)} | ${at10.latency.p50} ms | ${at10.latency.p99} ms | ${at10.non2xx + at10.errors} |`);
  console.log(`| GET /budgets/:id/status, 50 connections | ${at50.requests.average.toFixed(0)} | ${at50.latency.p50} ms | ${at50.latency.p99} ms | ${at50.non2xx + at50.errors} |`);
  console.log(`| budgets.budget.status.v1 over NATS (no gateway), 10 at once | ${rpc10.rps} | ${rpc10.p50} ms | ${rpc10.p99} ms | 0 |`);
  console.log(`| POST /expenses → alert listed (${SAMPLES} samples, one at a time) | – | ${p(50)} ms | ${p(99)} ms | ${alertErrors} |`);
  console.log('\nCPU per process during the status runs, % of one core (2 cores: 200%)\n');
  const percent = (run, name) => `${((run.cpu.find((c) => c.name === name)?.msPerSecond ?? 0) / 10).toFixed(0)}%`;
  console.log('| process | 10 connections | 50 connections |');
  console.log('|---|---|---|');
  for (const { name } of at50.cpu.filter(({ msPerSecond }) => msPerSecond >= 5)) console.log(`| ${name} | ${percent(at10, name)} | ${percent(at50, name)} |`);
} finally {
  await admin.end().catch(() => undefined);
  await platform?.stop();
  await dispose();
}
