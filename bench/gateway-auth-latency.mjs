// Request/reply latency gateway → auth, measured on the built services (npm run build first):
//   npm run bench:rpc [-- --requests 3000 --seconds 10 --connections 50]
// Starts its own PostgreSQL, NATS and the services (as `npm start` does, in a temp dir), then measures
//   1. the NATS hop alone: RpcClient.request('auth.user.get.v1') sequentially,
//   2. HTTP GET /api/v1/auth/me through the gateway (JWT check + NATS + auth + PostgreSQL) sequentially,
//   3. the same with autocannon at N connections.
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { infra, percentile, root, signUp, startBenchInfrastructure } from './bench-platform.mjs';

const { connectNats, RpcClient } = createRequire(import.meta.url)(path.join(root, 'dist/libs/messaging/src/index.js'));

const { values: args } = parseArgs({
  options: { requests: { type: 'string', default: '3000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});

const ms = (value) => `${value.toFixed(2)} ms`;

async function timeSequential(count, fn) {
  for (let i = 0; i < Math.min(500, count); i++) await fn(); // warm-up
  const samples = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { perSecond: count / elapsed, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const { nats, options, dispose } = await startBenchInfrastructure({ serviceEnv: { gateway: { AUTH_RATE_LIMIT: '100000' } } });
let platform;
let nc;
try {
  await infra.migratePlatform(options);
  platform = await infra.startPlatform(options);
  const api = `${platform.gatewayUrl}/api/v1`;
  const { user, accessToken } = await signUp(api);

  nc = await connectNats({ url: nats.url, name: 'bench' });
  const rpc = new RpcClient(nc);
  const count = Number(args.requests);
  const natsHop = await timeSequential(count, () => rpc.request('auth.user.get.v1', { userId: user.id }));
  const headers = { authorization: `Bearer ${accessToken}` };
  const http = await timeSequential(count, async () => {
    const response = await fetch(`${api}/auth/me`, { headers });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.arrayBuffer();
  });
  const loaded = await autocannon({ url: `${api}/auth/me`, headers, connections: Number(args.connections), duration: Number(args.seconds) });

  console.log(`\ngateway → auth request/reply (${count} sequential requests after warm-up; ${args.connections} connections for ${args.seconds} s)\n`);
  console.log('| path | req/s | p50 | p99 |');
  console.log('|---|---|---|---|');
  console.log(`| NATS RPC auth.user.get.v1 (sequential) | ${natsHop.perSecond.toFixed(0)} | ${ms(natsHop.p50)} | ${ms(natsHop.p99)} |`);
  console.log(`| HTTP GET /auth/me via gateway (sequential) | ${http.perSecond.toFixed(0)} | ${ms(http.p50)} | ${ms(http.p99)} |`);
  console.log(`| HTTP GET /auth/me via gateway (${args.connections} connections) | ${loaded.requests.average.toFixed(0)} | ${loaded.latency.p50} ms | ${loaded.latency.p99} ms |`);
  console.log(`\nnon-2xx: ${loaded.non2xx}, errors: ${loaded.errors}, timeouts: ${loaded.timeouts}`);
} finally {
  await nc?.close();
  await platform?.stop();
  await dispose();
}
