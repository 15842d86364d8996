import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ServiceProcess, ServiceSupervisor, waitFor, type RestartPolicy, type SupervisorEvent } from '../src';

// A stand-in service: ready on its ops port (answering its pid), unless the crash file exists,
// in which case it fails at start as a service with a broken config or dependency would.
const SERVICE_SOURCE = `
const fs = require('node:fs');
if (fs.existsSync(process.env.CRASH_FILE)) { console.error('cannot start: the crash file is there'); process.exit(3); }
require('node:http').createServer((_req, res) => res.end(String(process.pid))).listen(Number(process.env.OPS_PORT), '127.0.0.1');
`;

describe(ServiceSupervisor.name, () => {
  let dir: string;
  let entry: string;
  let crashFile: string;
  const running: ServiceSupervisor[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'irp-supervisor-'));
    entry = path.join(dir, 'service.js');
    crashFile = path.join(dir, 'crash');
    await writeFile(entry, SERVICE_SOURCE);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((supervisor) => supervisor.stop()));
    await rm(crashFile, { force: true });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function supervise(policy: Partial<RestartPolicy> = {}) {
    const opsPort = await freePort();
    const events: SupervisorEvent[] = [];
    let launches = 0;
    const launch = () => {
      launches++;
      return ServiceProcess.start({ name: 'fake', entry, env: { ...process.env, OPS_PORT: String(opsPort), CRASH_FILE: crashFile }, opsPort, readyTimeoutMs: 10_000 });
    };
    const sut = new ServiceSupervisor('fake', launch, { maxCrashes: 3, windowMs: 60_000, firstDelayMs: 50, maxDelayMs: 200, ...policy }, (event) => events.push(event));
    running.push(sut);
    const pidOf = async () => Number(await (await fetch(`http://127.0.0.1:${opsPort}/health/ready`)).text());
    return { sut, events, pidOf, launches: () => launches };
  }

  it('starts a service killed from outside (SIGKILL) again, and says so', async () => {
    const { sut, events, pidOf } = await supervise();
    await sut.start();
    const firstPid = await pidOf();

    process.kill(firstPid, 'SIGKILL');

    await waitFor('the restart', async () => events.some((event) => event.type === 'restarted'), 10_000);
    expect(await pidOf()).not.toBe(firstPid);
    expect(events).toEqual([
      { type: 'crashed', service: 'fake', reason: 'exited with signal SIGKILL' },
      { type: 'restarting', service: 'fake', attempt: 1, delayMs: 50 },
      { type: 'restarted', service: 'fake', attempt: 1 },
    ]);
  });

  it('gives up on a service that keeps crashing at start, with its last words, and stops trying', async () => {
    const { sut, events, pidOf, launches } = await supervise();
    await sut.start();
    await writeFile(crashFile, '');

    process.kill(await pidOf(), 'SIGKILL');

    await waitFor('the supervisor to give up', async () => events.some((event) => event.type === 'gave-up'), 15_000);
    expect(events.filter((event) => event.type === 'restarting').map((event) => event.delayMs)).toEqual([50, 100]);
    expect(events.filter((event) => event.type === 'crashed').map((event) => event.reason)).toEqual([
      'exited with signal SIGKILL',
      expect.stringContaining('fake exited during start'),
      expect.stringContaining('fake exited during start'),
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'gave-up', crashes: 3, lastOutput: expect.stringContaining('cannot start: the crash file is there') });
    const launchesWhenGivenUp = launches();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(launches()).toBe(launchesWhenGivenUp);
    expect(existsSync(crashFile)).toBe(true);
  });

  it('counts only the crashes within the window', async () => {
    const { sut, events, pidOf } = await supervise({ maxCrashes: 2, windowMs: 200 });
    await sut.start();
    for (let round = 1; round <= 3; round++) {
      process.kill(await pidOf(), 'SIGKILL');
      await waitFor(`restart ${round}`, async () => events.filter((event) => event.type === 'restarted').length === round, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 250)); // the window passes
    }
    expect(events.some((event) => event.type === 'gave-up')).toBe(false);
  });

  it('does not restart a service it was asked to stop, nor one stopped while a restart was pending', async () => {
    const { sut, events, pidOf, launches } = await supervise({ firstDelayMs: 300 });
    await sut.start();
    process.kill(await pidOf(), 'SIGKILL');
    await waitFor('the crash', async () => events.some((event) => event.type === 'restarting'), 10_000);

    await sut.stop();

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(launches()).toBe(1);
    expect(events.map((event) => event.type)).toEqual(['crashed', 'restarting']);
  });
});
