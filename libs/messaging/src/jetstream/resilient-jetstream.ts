import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryDelayMs } from '../retry-delay';

/** How long a publish waits for a stream to have a leader again: an election takes a few seconds. */
const LEADERLESS_FOR_MS = 15_000;

/** nats.js reports a JetStream publish nobody answered as JetStreamNotEnabled, a class it does not export. */
function isNoResponders(error: unknown): boolean {
  return error instanceof Error && error.name === 'JetStreamNotEnabled';
}

/**
 * A JetStream client whose publishes ride out a stream leader election. On a cluster, a stream
 * whose leader's server died has no one answering its subjects for a few seconds, until another
 * replica leads: nats.js reports "no responders" (JetStreamNotEnabled) at once. Nothing was
 * stored then, so publishing again is safe, whatever the message (an event, a job, an object's
 * chunk); a timeout is ambiguous and is left to the caller.
 */
export function resilientJetStream(nc: NatsConnection): JetStreamClient {
  const js = jetstream(nc);
  const publish = js.publish.bind(js);
  js.publish = async (subject, data, options) => {
    const deadline = Date.now() + LEADERLESS_FOR_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await publish(subject, data, options);
      } catch (error) {
        if (!isNoResponders(error) || Date.now() > deadline) throw error;
        await sleep(retryDelayMs(attempt, 100, 1_000));
      }
    }
  };
  return js;
}
