// Expense list and create throughput, through the gateway and as bare SQL (issue: expenses benchmark).
//   npm run build && npm run bench:expenses [-- --users 1000 --expenses 1000000 --seconds 20 --connections 50 --fewer-connections 10]
// Starts its own PostgreSQL, NATS and services (as `npm start` does, in a temp dir), seeds expenses
// straight into the expenses schema, mints access tokens with the platform's signing key, then runs
//   1. GET /api/v1/expenses?from&to&category&limit=50 with autocannon, then again with fewer
//      connections (autocannon's fixed-rate mode sends each second's requests in a burst),
//   2. POST /api/v1/expenses with autocannon,
//   3. the list query as SQL from this one Node process (pg pool, same concurrency).
// PROFILE=1 also writes CPU profiles of the gateway and expenses processes under /tmp/prof.
import autocannon from 'autocannon';
import { createPrivateKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { accessToken, cpuPerProcess, cpuTimes, infra, percentile, pick, startBenchInfrastructure } from './bench-platform.mjs';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '1000' },
    expenses: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    'fewer-connections': { type: 'string', default: '10' },
    sampler: { type: 'string', default: '0.01' },
  },
});
const USERS = Number(values.users);
const EXPENSES = Number(values.expenses);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const FEWER_CONNECTIONS = Number(values['fewer-connections']);

const QUARTERS = [
  ['2025-01-01', '2025-03-31'],
  ['2025-04-01', '2025-06-30'],
  ['2025-07-01', '2025-09-30'],
  ['2025-10-01', '2025-12-31'],
  ['2026-01-01', '2026-03-31'],
  ['2026-04-01', '2026-06-30'],
];

async function seed(client) {
  const started = performance.now();
  await client.query(`insert into expenses.category (id, user_id, name, name_normalized, created_at)
    select gen_random_uuid(), u.id, c.name, c.name, now()
      from (select gen_random_uuid() as id from generate_series(1, $1)) u
      cross join unnest($2::text[]) as c(name)`, [USERS, ['meals', 'travel', 'lodging', 'fuel', 'office supplies', 'software', 'utilities', 'phone/internet', 'groceries', 'entertainment', 'professional services', 'other']]);
  await client.query(`create temporary table seed_category as
    select user_id, array_agg(id order by name) as ids, row_number() over () as n from expenses.category group by user_id`);
  await client.query(`insert into expenses.expense (id, user_id, vendor, vendor_normalized, date, amount_minor, currency, converted_minor,
       base_currency, fx_rate, fx_rate_date, fx_source, conversion_status, tax_lines, category_id, tags, status, created_at, updated_at, version)
    select gen_random_uuid(), c.user_id, v.vendor, lower(v.vendor), d.date, a.amount, 'EUR', a.amount, 'EUR', 1, d.date, 'identity',
           'converted', '[]'::jsonb, c.ids[1 + (i % 12)::int], '{}', 'confirmed', now(), now(), 1
      from generate_series(1::bigint, $1) i
      join seed_category c on c.n = 1 + (i % $2)
      cross join lateral (select 'Vendor ' || (i % 5000) as vendor) v
      cross join lateral (select date '2025-01-01' + ((i * 7919) % 540)::int as date) d
      cross join lateral (select 100 + ((i * 104729) % 50000)::bigint as amount) a`, [EXPENSES, USERS]);
  await client.query('analyze expenses.expense; analyze expenses.category');
  return (performance.now() - started) / 1000;
}

const LIST_SQL = `select e.*, c.id as c_id, c.name as c_name from expenses.expense e join expenses.category c on c.id = e.category_id
  where e.user_id = $1 and e.date >= $2 and e.date <= $3 and e.category_id = $4 order by e.date desc, e.id desc limit 51`;

async function bareSql(pool, targets) {
  const before = cpuTimes();
  const latencies = [];
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const t = pick(targets);
        const [from, to] = pick(QUARTERS);
        const started = performance.now();
        await pool.query(LIST_SQL, [t.userId, from, to, pick(t.categories)]);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p = (q) => percentile(latencies, q).toFixed(1);
  return { rps: (latencies.length / SECONDS).toFixed(0), p50: p(50), p99: p(99), cpu: cpuPerProcess(before, cpuTimes(), SECONDS) };
}

/** An autocannon run, with the CPU each process used meanwhile. */
async function cannon(options) {
  const before = cpuTimes();
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { ...result, cpu: cpuPerProcess(before, cpuTimes(), SECONDS) };
}

const { postgres, signingKey, options, dispose } = await startBenchInfrastructure({
  env: { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: values.sampler, DATABASE_POOL_MAX: '20' },
  serviceEnv: { expenses: { FX_FEED_ENABLED: 'false', ...(process.env.PROFILE && { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof/expenses' }) }, ...(process.env.PROFILE && { gateway: { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof/gateway' } }) },
});
let platform;
const admin = new pg.Client({ connectionString: postgres.url() });
const pool = new pg.Pool({ connectionString: postgres.url(), max: 20 });
try {
  await infra.migratePlatform(options);
  await admin.connect();
  const seedSeconds = await seed(admin);
  platform = await infra.startPlatform(options);
  const api = `${platform.gatewayUrl}/api/v1`;
  const { keys } = await (await fetch(`${api}/auth/jwks`)).json();
  const privateKey = createPrivateKey(signingKey);

  const { rows } = await admin.query('select user_id, array_agg(id) as categories from expenses.category group by user_id limit 200');
  const targets = rows.map((row) => ({ userId: row.user_id, categories: row.categories, token: accessToken(privateKey, keys[0].kid, row.user_id) }));

  const listRequests = [
    {
      setupRequest: (request) => {
        const t = pick(targets);
        const [from, to] = pick(QUARTERS);
        return { ...request, path: `/api/v1/expenses?from=${from}&to=${to}&category=${pick(t.categories)}&limit=50`, headers: { authorization: `Bearer ${t.token}` } };
      },
    },
  ];
  const listing = await cannon({ url: `${api}/expenses`, requests: listRequests });
  // With fewer clients: the latency when requests do not queue behind each other.
  const listingFewer = await cannon({ url: `${api}/expenses`, requests: listRequests, connections: FEWER_CONNECTIONS });
  const creating = await cannon({
    url: `${api}/expenses`,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const t = pick(targets);
          return {
            ...request,
            headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ vendor: 'Bench Cafe', date: '2026-03-01', amount: '12.34', currency: 'EUR', category: 'meals' }),
          };
        },
      },
    ],
  });
  const sql = await bareSql(pool, targets);

  console.log(`\n${EXPENSES.toLocaleString('en')} expenses across ${USERS} users (seeded in ${seedSeconds.toFixed(0)} s); ${CONNECTIONS} connections, ${SECONDS} s each; trace sampling ${values.sampler}\n`);
  console.log('| what | req/s | p50 | p99 | errors |');
  console.log('|---|---|---|---|---|');
  console.log(`| GET /expenses?from&to&category&limit=50 via gateway | ${listing.requests.average.toFixed(0)} | ${listing.latency.p50} ms | ${listing.latency.p99} ms | ${listing.non2xx + listing.errors} |`);
  console.log(`| the same with ${FEWER_CONNECTIONS} connections | ${listingFewer.requests.average.toFixed(0)} | ${listingFewer.latency.p50} ms | ${listingFewer.latency.p99} ms | ${listingFewer.non2xx + listingFewer.errors} |`);
  console.log(`| POST /expenses via gateway | ${creating.requests.average.toFixed(0)} | ${creating.latency.p50} ms | ${creating.latency.p99} ms | ${creating.non2xx + creating.errors} |`);
  console.log(`| the list query as bare SQL (one Node process, pg pool 20) | ${sql.rps} | ${sql.p50} ms | ${sql.p99} ms | 0 |`);
  console.log('\nCPU per process during each run, % of one core (2 cores: 200%; "benchmark" is this process: autocannon, or the bare SQL client)\n');
  const percent = (run, name) => `${((run.cpu.find((p) => p.name === name)?.msPerSecond ?? 0) / 10).toFixed(0)}%`;
  console.log('| process | GET list | POST | bare SQL |');
  console.log('|---|---|---|---|');
  for (const { name } of listing.cpu.filter(({ msPerSecond }) => msPerSecond >= 5)) {
    console.log(`| ${name} | ${percent(listing, name)} | ${percent(creating, name)} | ${percent(sql, name)} |`);
  }
} finally {
  await pool.end();
  await admin.end().catch(() => undefined);
  await platform?.stop();
  await dispose();
}
