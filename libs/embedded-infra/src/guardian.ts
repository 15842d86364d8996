import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

/**
 * The guardian is a tiny Node process between us and a server. It watches its stdin, a pipe whose
 * other end only we hold: when we die, even by SIGKILL, the kernel closes the pipe and the guardian
 * stops the server. Without it a crashed test run or launcher would leave servers behind.
 */
const GUARDIAN_SOURCE = `
const { spawn } = require('node:child_process');
const spec = JSON.parse(process.env.GUARDIAN_SPEC);
delete process.env.GUARDIAN_SPEC;
const child = spawn(spec.command, spec.args, {
  stdio: ['ignore', 'inherit', 'inherit'], uid: spec.uid, gid: spec.gid, cwd: spec.cwd, env: process.env,
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill(spec.stopSignal);
  setTimeout(() => child.kill('SIGKILL'), spec.killAfterMs).unref();
};
process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
process.on('SIGTERM', stop).on('SIGINT', stop);
process.on('SIGUSR2', () => child.kill('SIGKILL'));
child.on('error', (err) => { console.error(String(err)); process.exit(127); });
// A signal's death is passed on as a shell would: 128 + its number (137 for SIGKILL).
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (require('node:os').constants.signals[signal] ?? 0) : 0)));
`;

export interface GuardedProcessSpec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Signal asking the server to shut down cleanly; SIGKILL follows after killAfterMs. */
  stopSignal?: NodeJS.Signals;
  killAfterMs?: number;
  /** Where the server's stdout/stderr go: a file descriptor, or 'pipe' to read them. */
  output?: number | 'pipe' | 'ignore';
}

export class GuardedProcess {
  private readonly exitPromise: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    this.exitPromise = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  static spawn(spec: GuardedProcessSpec): GuardedProcess {
    const output = spec.output ?? 'ignore';
    const child = spawn(process.execPath, ['-e', GUARDIAN_SOURCE], {
      // Own process group: a Ctrl-C in the terminal reaches the launcher, which stops things in order.
      detached: true,
      stdio: ['pipe', output, output],
      env: {
        ...(spec.env ?? process.env),
        GUARDIAN_SPEC: JSON.stringify({
          command: spec.command,
          args: spec.args,
          cwd: spec.cwd,
          uid: spec.uid,
          gid: spec.gid,
          stopSignal: spec.stopSignal ?? 'SIGTERM',
          killAfterMs: spec.killAfterMs ?? 10_000,
        }),
      },
    });
    child.unref();
    // The pipe must not keep our event loop alive; when we exit it closes and the guardian acts.
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    return new GuardedProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): Promise<number | null> {
    return this.exitPromise;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Asks the server to stop and waits until it has. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.ref(); // keep the event loop alive until the server is gone
    this.child.stdin?.end();
    await this.exitPromise;
  }

  /** Kills the server with SIGKILL, no clean shutdown (for tests of crash recovery). */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.ref();
    this.child.kill('SIGUSR2');
    await this.exitPromise;
  }
}

/** "code 1", or "signal SIGKILL" for the guardian's 128+n convention. */
export function describeExit(code: number | null): string {
  const signal = code !== null && code > 128 ? Object.entries(constants.signals).find(([, number]) => number === code - 128)?.[0] : undefined;
  return signal ? `signal ${signal}` : `code ${code}`;
}
