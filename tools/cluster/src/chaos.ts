import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { PLATFORM_SERVICES, waitFor, type SupervisorEvent } from '@irp/embedded-infra';
import type { ScaleOutPlatform } from './scale-out-platform';

/** One SIGKILL and how long until what was killed served again. */
export interface Kill {
  target: string;
  killedAt: number;
  /** Milliseconds from the kill until it was back (ready, or JetStream healthy). */
  recoveryMs?: number;
}

/** The NATS server leading the most streams: losing it forces the most leader elections. */
async function busiestServer(platform: ScaleOutPlatform): Promise<number> {
  const nc = await connect({ servers: platform.nats.url.split(','), user: platform.operator.user, pass: platform.operator.password });
  try {
    const led = platform.nats.servers.map(() => 0);
    for await (const stream of (await jetstreamManager(nc)).streams.list()) {
      const index = platform.nats.servers.findIndex((server) => server.name === stream.cluster?.leader);
      if (index >= 0) led[index]++;
    }
    return led.indexOf(Math.max(...led));
  } finally {
    await nc.close();
  }
}

/** Supervisor news of every replica, kept with the time it came. */
export class SupervisorLog {
  private readonly events: { replica: number; event: SupervisorEvent; at: number }[] = [];

  record(replica: number, event: SupervisorEvent): void {
    this.events.push({ replica, event, at: Date.now() });
  }

  restartedSince(replica: number, service: string, since: number): number | undefined {
    return this.events.find((e) => e.replica === replica && e.event.service === service && e.event.type === 'restarted' && e.at >= since)?.at;
  }

  gaveUp(): string[] {
    return this.events.filter((e) => e.event.type === 'gave-up').map((e) => `${e.event.service}#${e.replica}`);
  }
}

/**
 * Kills, with SIGKILL, the NATS server leading the most streams (started again after `natsDownMs`) and one replica of every
 * registered service (its supervisor starts it again), spread evenly over `windowMs`, and waits
 * until each is back. The replica killed alternates, so both sets lose something.
 */
export async function killOneOfEach(platform: ScaleOutPlatform, supervisors: SupervisorLog, options: { windowMs: number; natsDownMs: number }): Promise<Kill[]> {
  const steps = PLATFORM_SERVICES.length + 1;
  const gap = options.windowMs / steps;
  const kills: Kill[] = [];
  const recoveries: Promise<void>[] = [];

  const node = await busiestServer(platform);
  const natsKill: Kill = { target: `nats-${node}`, killedAt: Date.now() };
  kills.push(natsKill);
  await platform.nats.servers[node].kill();
  recoveries.push(
    (async () => {
      await sleep(options.natsDownMs);
      await platform.nats.servers[node].start();
      await platform.nats.waitUntilHealthy();
      natsKill.recoveryMs = Date.now() - natsKill.killedAt;
    })(),
  );

  for (const [index, service] of PLATFORM_SERVICES.entries()) {
    await sleep(gap);
    const replica = index % platform.replicas.length;
    const kill: Kill = { target: `${service.name}#${replica}`, killedAt: Date.now() };
    kills.push(kill);
    await platform.replicas[replica].services[service.name].kill();
    recoveries.push(
      waitFor(`${kill.target} to be restarted`, async () => supervisors.restartedSince(replica, service.name, kill.killedAt) !== undefined, 120_000).then(() => {
        kill.recoveryMs = (supervisors.restartedSince(replica, service.name, kill.killedAt) ?? Date.now()) - kill.killedAt;
      }),
    );
  }
  await Promise.all(recoveries);
  return kills;
}
