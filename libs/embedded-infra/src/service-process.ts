import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { describeExit, GuardedProcess } from './guardian';
import { waitFor } from './ports';

const execFileAsync = promisify(execFile);

export interface ServiceProcessOptions {
  name: string;
  /** The compiled entry point, e.g. dist/apps/auth/src/main.js. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** The service's ops port: it is ready when /health/ready answers 200 there. */
  opsPort: number;
  /** Receives each line the service writes (JSON logs); default: kept in memory only. */
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}

/** A service running as its own Node process, as in production; it dies with us. ServiceSupervisor restarts it when it dies alone. */
export class ServiceProcess {
  private readonly lines: string[] = [];
  private stopping = false;

  private constructor(
    readonly name: string,
    readonly opsUrl: string,
    private readonly process: GuardedProcess,
  ) {}

  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const guarded = GuardedProcess.spawn({
      command: process.execPath,
      args: ['--enable-source-maps', options.entry],
      env: options.env,
      stopSignal: 'SIGTERM',
      // Longer than any service's own shutdown timeout (ocr: 110 s, finishing a job): that timer ends a stuck stop.
      killAfterMs: 120_000,
      output: 'pipe',
    });
    const service = new ServiceProcess(options.name, `http://127.0.0.1:${options.opsPort}`, guarded);
    service.collectOutput(options.onLine);
    try {
      await waitFor(
        `${options.name} to be ready`,
        async () => {
          if (!guarded.running) return true; // told apart below: waitFor would take a throw for "not yet"
          const response = await fetch(`${service.opsUrl}/health/ready`, { signal: AbortSignal.timeout(1000) });
          return response.status === 200;
        },
        options.readyTimeoutMs ?? 30_000,
      );
    } catch (error) {
      await guarded.stop();
      throw new Error(`${(error as Error).message}; its last lines:\n${service.output(30)}`, { cause: error });
    }
    if (!guarded.running) {
      // Its last words may still be in the pipe: wait for it to close (briefly).
      await Promise.race([once(guarded.child, 'close'), sleep(1000)]);
      throw new Error(`${options.name} exited during start (${describeExit(guarded.child.exitCode)}):\n${service.output(30)}`);
    }
    return service;
  }

  get running(): boolean {
    return this.process.running;
  }

  /** True once stop() was called: an exit after that is no crash. */
  get stopRequested(): boolean {
    return this.stopping;
  }

  /** Resolves with the exit code when the process is gone (128 + n when signal n killed it). */
  get exited(): Promise<number | null> {
    return this.process.exited;
  }

  /** The last `count` lines the service wrote. */
  output(count = 50): string {
    return this.lines.slice(-count).join('\n');
  }

  /** SIGTERM, and wait for a clean exit. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.process.stop();
  }

  kill(): Promise<void> {
    return this.process.kill();
  }

  private collectOutput(onLine?: (line: string) => void): void {
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        this.lines.push(line);
        if (this.lines.length > 1000) this.lines.shift();
        onLine?.(line);
      }
    };
    const { stdout, stderr } = this.process.child;
    stdout?.on('data', take);
    stderr?.on('data', take);
  }
}

/** Runs a one-shot Node script (a migration, say) and returns its output; throws with it on failure. */
export async function runNodeScript(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [entry, ...args], { env, timeout: 120_000 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${entry} ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: error });
  }
}
