import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '@irp/embedded-infra';

const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line no-control-regex -- the launcher colours its output; the test reads the text
const ANSI = /\x1b\[[0-9;]*m/g;

/** `npm start` as a process manager runs it: its node process, on free ports, data in a temp dir. */
describe('npm start (tools/dev/start.mjs and the launcher)', () => {
  let dataDir: string;
  let top: ChildProcess;
  let output = '';
  const ocrProcess = async () => (await descendants(top.pid ?? -1)).find((process) => process.command.includes(path.join('dist', 'apps', 'ocr', 'src', 'main.js')));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'irp-launcher-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as nobody when we are root
    top = spawn(process.execPath, [path.join(root, 'tools', 'dev', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        DEV_SKIP_BUILD: '1', // the test target built dist/ already
        DEV_DATA_DIR: dataDir,
        DEV_OPS_PORTS: 'random',
        PORT: String(await freePort()),
        DEV_POSTGRES_PORT: String(await freePort()),
        DEV_NATS_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => (output += chunk.toString('utf8').replace(ANSI, ''));
    top.stdout?.on('data', collect);
    top.stderr?.on('data', collect);
    await waitFor('the platform to run', async () => output.includes('is running') || top.exitCode !== null, 180_000);
    if (!output.includes('is running')) throw new Error(`npm start failed:\n${output}`);
  }, 200_000);

  afterAll(async () => {
    if (top.exitCode === null && top.signalCode === null) {
      top.kill('SIGKILL'); // the guardians stop the rest
      await once(top, 'exit');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts a service killed from outside and says so', async () => {
    const ocr = await ocrProcess();
    if (!ocr) throw new Error(`no ocr process under npm start:\n${output}`);

    process.kill(ocr.pid, 'SIGKILL');

    await waitFor('ocr to be restarted', async () => output.includes('[ocr] restarted and ready'), 60_000);
    expect(output).toContain('[ocr] died unexpectedly (exited with signal SIGKILL)');
    expect((await ocrProcess())?.pid).toEqual(expect.any(Number));
    expect((await ocrProcess())?.pid).not.toBe(ocr.pid);
  }, 90_000);

  it('stops every service, NATS and PostgreSQL on a SIGTERM to its top process alone', async () => {
    const before = await descendants(top.pid ?? -1);
    const commands = before.map((process) => process.command).join('\n');
    expect(commands).toMatch(/nats-server/);
    expect(commands).toMatch(/postgres/);
    for (const service of ['gateway', 'auth', 'expenses', 'ocr']) expect(commands).toContain(path.join('dist', 'apps', service, 'src', 'main.js'));

    top.kill('SIGTERM');

    const [code] = (await once(top, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain('stopped; data kept');
    await waitFor('every child to be gone', async () => before.every(({ pid }) => !alive(pid)), 10_000);
  }, 90_000);
});

interface ProcessInfo {
  pid: number;
  command: string;
}

/** Every process under `pid`, from /proc (guardians run in their own process groups, so not by group). */
async function descendants(pid: number): Promise<ProcessInfo[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const found: ProcessInfo[] = [];
  for (let queue = [...(parents.get(pid) ?? [])], next = queue.shift(); next !== undefined; next = queue.shift()) {
    const command = (await readFile(`/proc/${next}/cmdline`, 'utf8').catch(() => '')).replace(/\0/g, ' ');
    found.push({ pid: next, command });
    queue.push(...(parents.get(next) ?? []));
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z'; // a zombie is gone, only not yet reaped
  } catch {
    return false;
  }
}
