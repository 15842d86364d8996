import pg from 'pg';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres, findNatsServer, GuardedProcess, LocalNatsServer } from '../src';

describe('embedded servers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'irp-infra-'));
    await chmod(dir, 0o755);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps PostgreSQL data across a restart, behind a password', async () => {
    const postgres = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'pg'), password: 's3cret' });
    try {
      const client = new pg.Client({ connectionString: postgres.url() });
      await client.connect();
      await client.query("create table kept (v text); insert into kept values ('still here')");
      await client.end();

      await postgres.stop();
      await postgres.start();

      const again = new pg.Client({ connectionString: postgres.url() });
      await again.connect();
      expect((await again.query<{ v: string }>('select v from kept')).rows).toEqual([{ v: 'still here' }]);
      await again.end();

      const wrong = new pg.Client({ connectionString: postgres.url().replace('s3cret', 'guess') });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      await postgres.stop();
    }
  });

  it('runs nats-server with JetStream from PATH or the Debian location', async () => {
    expect(findNatsServer()).toBeDefined();
    const nats = await LocalNatsServer.start({ dataDir: path.join(dir, 'nats') });
    const pid = nats.pid;
    await nats.stop();
    expect(pid && isAlive(pid)).toBe(false);
  });

  it('stops a guarded process on request and kills it on demand', async () => {
    const stopped = GuardedProcess.spawn({ command: 'sleep', args: ['60'] });
    await stopped.stop();
    expect(stopped.running).toBe(false);

    const killed = GuardedProcess.spawn({ command: 'sleep', args: ['60'], stopSignal: 'SIGCONT' });
    await killed.kill(); // SIGCONT would not stop it: only the SIGKILL does
    expect(killed.running).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
