import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit } from './guardian';
import type { ServiceProcess } from './service-process';

export interface RestartPolicy {
  /** This many crashes within windowMs and the service is left down (it would only crash again). */
  maxCrashes: number;
  windowMs: number;
  /** Delay before the nth restart in the window: firstDelayMs doubled n-1 times, at most maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, firstDelayMs: 500, maxDelayMs: 10_000 };

/** What a supervisor tells its owner (the launcher prints it). */
export type SupervisorEvent =
  | { type: 'crashed'; service: string; reason: string }
  | { type: 'restarting'; service: string; attempt: number; delayMs: number }
  | { type: 'restarted'; service: string; attempt: number }
  | { type: 'gave-up'; service: string; crashes: number; windowMs: number; lastOutput: string };

/**
 * Keeps one service running: when it exits without being asked to (a crash, an OOM kill, a
 * SIGKILL from outside), it is started again after a back-off; when it keeps crashing (maxCrashes
 * within windowMs, failed restarts included) it is reported and left down rather than looped on.
 */
export class ServiceSupervisor {
  private current?: ServiceProcess;
  private stopped = false;
  private crashTimes: number[] = [];
  private pending?: AbortController;
  private launching?: Promise<unknown>;

  constructor(
    readonly name: string,
    private readonly launch: () => Promise<ServiceProcess>,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly onEvent: (event: SupervisorEvent) => void = () => undefined,
  ) {}

  /** The first start: a failure here is the caller's to handle (a bad config must not loop). */
  async start(): Promise<ServiceProcess> {
    return this.run(this.launch());
  }

  /** Stops the service now (cancelling a pending restart) and starts it again. */
  async restart(): Promise<ServiceProcess> {
    this.pending?.abort();
    await this.launching?.catch(() => undefined);
    await this.current?.stop();
    return this.run(this.launch());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pending?.abort();
    await this.launching?.catch(() => undefined);
    await this.current?.stop();
  }

  private async run(launching: Promise<ServiceProcess>): Promise<ServiceProcess> {
    this.launching = launching;
    const service = await launching;
    this.current = service;
    void service.exited.then((code) => {
      if (!this.stopped && this.current === service && !service.stopRequested) this.crashed(`exited with ${describeExit(code)}`, service.output(30));
    });
    return service;
  }

  private crashed(reason: string, lastOutput: string): void {
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < this.policy.windowMs), now];
    this.onEvent({ type: 'crashed', service: this.name, reason });
    const attempt = this.crashTimes.length;
    if (attempt >= this.policy.maxCrashes) {
      this.onEvent({ type: 'gave-up', service: this.name, crashes: attempt, windowMs: this.policy.windowMs, lastOutput });
      return;
    }
    const delayMs = Math.min(this.policy.firstDelayMs * 2 ** (attempt - 1), this.policy.maxDelayMs);
    this.onEvent({ type: 'restarting', service: this.name, attempt, delayMs });
    void this.restartAfter(delayMs, attempt);
  }

  private async restartAfter(delayMs: number, attempt: number): Promise<void> {
    const pending = new AbortController();
    this.pending = pending;
    try {
      await sleep(delayMs, undefined, { signal: pending.signal });
    } catch {
      return; // stopped, or restarted by hand meanwhile
    }
    try {
      await this.run(this.launch());
      this.onEvent({ type: 'restarted', service: this.name, attempt });
    } catch (error) {
      if (!this.stopped) this.crashed(`failed to start again: ${(error as Error).message.split('\n')[0]}`, (error as Error).message);
    }
  }
}
