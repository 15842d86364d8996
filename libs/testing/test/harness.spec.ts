import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNatsServer, startPostgresServer } from '../src';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

describe('test harness', () => {
  it('starts PostgreSQL and NATS, serves real connections, and stops them cleanly', async () => {
    const [postgres, nats] = await Promise.all([startPostgresServer(), startNatsServer()]);
    try {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ answer: number }>('select 6 * 7 as answer');
      expect(rows[0].answer).toBe(42);
      await client.end();

      const nc = await connect({ servers: nats.url });
      const reply = nc.subscribe('ping', { callback: (_err, msg) => void msg.respond('pong') });
      expect((await nc.request('ping', '', { timeout: 2000 })).string()).toBe('pong');
      reply.unsubscribe();
      await nc.close();
    } finally {
      await Promise.all([postgres.dispose(), nats.dispose()]);
    }
  });

  it('leaves no server behind when the test process is killed with SIGKILL', async () => {
    // A child process starts both servers, reports their pids, and is then killed outright.
    const script = path.join(__dirname, 'start-servers.fixture.ts');
    const child = spawn(process.execPath, [path.join(__dirname, 'run-ts.fixture.cjs'), script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!output.includes('\n') && Date.now() < deadline && child.exitCode === null) await sleep(50);
    const pids = JSON.parse(output.split('\n')[0]) as { postgres: number; nats: number; dir: string };
    expect(alive(pids.postgres) && alive(pids.nats)).toBe(true);

    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(await gone(pids.postgres)).toBe(true);
    expect(await gone(pids.nats)).toBe(true);
    await rm(pids.dir, { recursive: true, force: true });
  });
});
