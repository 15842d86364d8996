// Started as its own process by harness.spec.ts: starts the servers, prints their pids, waits to be killed.
import { EmbeddedPostgres, LocalNatsServer } from '@irp/embedded-infra';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'irp-harness-'));
  chmodSync(dir, 0o755);
  const postgres = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'pg'), password: 'harness', durable: false });
  const nats = await LocalNatsServer.start({ dataDir: path.join(dir, 'nats') });
  process.stdout.write(`${JSON.stringify({ postgres: postgres.pid, nats: nats.pid, dir })}\n`);
  setInterval(() => undefined, 1000);
}

void main();
