// Tax report production time and peak memory (issue 16: a user with 50,000 expenses, a yearly
// report in JSON, CSV and PDF).
//   npm run build && npm run bench:tax [-- --sizes 5000,50000 --runs 2 --formats json,csv,pdf --heap-mb 0]
// Starts its own PostgreSQL and NATS, migrates the tax schema and runs the built tax service as its
// own process; seeds one user's expenses straight into the tax projection with SQL (as the expense
// events would leave them: mixed categories, receipt tax lines at several rates, some converted
// from USD, some without a receipt); then, per size and format, queues a yearly report over NATS,
// waits until it is ready and prints the time from request to ready and the service's peak RSS
// during it (VmHWM, reset before each report through /proc/<pid>/clear_refs). --heap-mb caps the
// service's V8 heap (--max-old-space-size): a format that needs memory in proportion to the
// expenses fails under a small cap, one that streams does not.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { infra, root, startBenchInfrastructure } from './bench-platform.mjs';

const require = createRequire(import.meta.url);
const { RpcClient } = require(path.join(root, 'dist/libs/messaging/src/index.js'));
const { SUBJECTS } = require(path.join(root, 'dist/libs/contracts/src/index.js'));

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '5000,50000' }, runs: { type: 'string', default: '2' }, formats: { type: 'string', default: 'json,csv,pdf' }, 'heap-mb': { type: 'string', default: '0' } },
});
const SIZES = values.sizes.split(',').map(Number);
const RUNS = Number(values.runs);
const FORMATS = values.formats.split(',');
const HEAP_MB = Number(values['heap-mb']);
const CATEGORIES = ['meals', 'travel', 'lodging', 'fuel', 'office supplies', 'software', 'utilities', 'phone/internet', 'groceries', 'entertainment', 'professional services', 'other', 'conference'];

/** One user's expenses of 2025 in the projection, generated in SQL. */
async function seed(client, userId, count) {
  await client.query(
    `insert into tax.expense_tax (id, user_id, version, deleted, date, vendor, category, status, currency, amount_minor, converted_minor,
        base_currency, fx_rate, fx_rate_date, fx_source, document_id, tax_lines)
     select gen_random_uuid(), $1, 1, false, date '2025-01-01' + (i % 365)::int, 'Vendor ' || (i % 3000), ($3::text[])[1 + i % 13],
        case when i % 50 = 0 then 'needs_review' else 'confirmed' end,
        case when i % 10 = 0 then 'USD' else 'EUR' end, a.minor,
        case when i % 10 = 0 then (a.minor * 92 / 100) else a.minor end, 'EUR',
        case when i % 10 = 0 then '0.92' else '1' end, date '2025-01-01' + (i % 365)::int,
        case when i % 10 = 0 then 'ECB' else 'identity' end,
        case when i % 20 = 0 then null else gen_random_uuid() end,
        case when i % 4 = 0 then '[]'::jsonb
             when i % 4 = 1 then jsonb_build_array(jsonb_build_object('rate', '19', 'baseMinor', null, 'amountMinor', (a.minor * 19 / 119)::text, 'label', 'VAT'))
             when i % 4 = 2 then jsonb_build_array(jsonb_build_object('rate', '7', 'baseMinor', null, 'amountMinor', (a.minor * 7 / 107)::text, 'label', 'VAT'))
             else jsonb_build_array(jsonb_build_object('rate', '19', 'baseMinor', (a.minor / 2 * 100 / 119)::text, 'amountMinor', (a.minor / 2 * 19 / 119)::text, 'label', 'VAT'),
                                    jsonb_build_object('rate', '7', 'baseMinor', (a.minor / 2 * 100 / 107)::text, 'amountMinor', (a.minor / 2 * 7 / 107)::text, 'label', 'VAT')) end
       from generate_series(1::bigint, $2) i cross join lateral (select 100 + ((i * 104729) % 50000)::bigint as minor) a`,
    [userId, count, CATEGORIES],
  );
  await client.query('analyze tax.expense_tax');
}

const statusOf = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kib = (status, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);

async function ready(rpc, userId, reportId) {
  for (;;) {
    const job = await rpc.request(SUBJECTS.getTaxReport, { userId, reportId });
    if (job.status === 'ready') return job;
    if (job.status === 'failed') throw new Error(`report failed: ${job.error}`);
    await sleep(10);
  }
}

const bench = await startBenchInfrastructure();
let service;
let nc;
try {
  const env = { ...process.env, ...bench.options.env, DATABASE_URL: bench.options.databaseUrl, NATS_URL: bench.options.natsUrl, NATS_USER: 'tax', NATS_PASSWORD: bench.options.busPasswords.tax };
  await infra.runNodeScript(path.join(root, 'dist/apps/tax/src/migrate.js'), ['up'], env);
  const opsPort = await infra.freePort();
  service = spawn(process.execPath, [...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tax-prof'] : []), ...(HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : []), path.join(root, 'dist/apps/tax/src/main.js')], { env: { ...env, OPS_PORT: String(opsPort) }, stdio: ['ignore', 'inherit', 'inherit'] });
  await infra.waitFor('tax to be ready', async () => (await fetch(`http://127.0.0.1:${opsPort}/health/ready`).catch(() => ({ status: 0 }))).status === 200, 30_000);
  nc = await connect({ servers: bench.options.natsUrl, user: 'bench', pass: 'bench' });
  const rpc = new RpcClient(nc);
  const db = new pg.Client({ connectionString: bench.options.databaseUrl });
  db.on('error', () => undefined); // the server stops before this client on the way out
  await db.connect();

  console.log(`tax report benchmark: sizes ${SIZES.join(', ')}; best of ${RUNS} runs per format${HEAP_MB ? `; service heap capped at ${HEAP_MB} MB` : ''}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  console.log('expenses  format   seconds   file MB   peak RSS MB   RSS before MB');
  for (const size of SIZES) {
    const userId = randomUUID();
    await seed(db, userId, size);
    await rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId: 'eu-vat' });
    for (const format of FORMATS) {
      let best;
      for (let run = 0; run < RUNS; run++) {
        global.gc?.();
        const before = kib(statusOf(service.pid), 'VmRSS');
        writeFileSync(`/proc/${service.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
        const started = performance.now();
        const queued = await rpc.request(SUBJECTS.createTaxReport, { userId, year: 2025, formats: [format] });
        const job = await ready(rpc, userId, queued.id);
        const seconds = (performance.now() - started) / 1000;
        const peak = kib(statusOf(service.pid), 'VmHWM');
        if (!best || seconds < best.seconds) best = { seconds, peak, before, size: job.files[0].size };
      }
      console.log(
        `${String(size).padStart(8)}  ${format.padEnd(6)} ${best.seconds.toFixed(2).padStart(8)}  ${(best.size / 2 ** 20).toFixed(1).padStart(8)}  ${(best.peak / 1024).toFixed(0).padStart(12)}  ${(best.before / 1024).toFixed(0).padStart(14)}`,
      );
    }
  }
  await db.end();
} catch (error) {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
} finally {
  await nc?.close();
  if (service && service.exitCode === null && service.signalCode === null) {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
  }
  await bench.dispose();
}
