import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isNatsTimeout, isNoResponders } from '../nats-errors';
import { retryDelayMs } from '../retry-delay';

/** How long a publish waits for a stream to have a leader again: an election takes a few seconds. */
const LEADERLESS_FOR_MS = 15_000;

/**
 * A JetStream client whose publishes ride out a stream leader election. On a cluster, a stream
 * whose leader's server died has no one answering its subjects for a few seconds, until another
 * replica leads: nats.js reports "no responders" (JetStreamNotEnabled), or the publish times out
 * while the new leader catches up. Every publish carries a message id (its own, or one given
 * here), so publishing again is safe either way: a message the stream did store is recognised
 * as a duplicate within the stream's duplicate window and stored once, whatever the message (an
 * event, a job, an object's chunk).
 */
export function resilientJetStream(nc: NatsConnection): JetStreamClient {
  const js = jetstream(nc);
  const publish = js.publish.bind(js);
  js.publish = async (subject, data, options) => {
    const once = { ...options, msgID: options?.msgID ?? randomUUID() };
    const deadline = Date.now() + LEADERLESS_FOR_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await publish(subject, data, once);
      } catch (error) {
        if (!(isNoResponders(error) || isNatsTimeout(error)) || Date.now() > deadline) throw error;
        await sleep(retryDelayMs(attempt, 100, 1_000));
      }
    }
  };
  return js;
}
