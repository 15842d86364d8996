import { jetstreamManager, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM_NAME } from '@irp/contracts';
import { streamReplicasOf } from './stream-replicas';

export interface StreamSpec {
  name: string;
  subjects: readonly string[];
  /** `workqueue` for job queues (a message is gone once acked), `limits` for event streams. */
  retention?: 'limits' | 'workqueue';
  maxAgeMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Republishing an event with the same `Nats-Msg-Id` within this window is dropped by the server. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** Where messages go that a consumer gave up on: `dlq.<stream>.<consumer>`. */
/** JetStream's error code for a stream name already in use (not among nats.js's named codes). */
const STREAM_NAME_IN_USE = 10058;

export const DEAD_LETTER_STREAM: StreamSpec = { name: DEAD_LETTER_STREAM_NAME, subjects: ['dlq.>'], maxAgeMs: 30 * DAY_MS };

function streamConfig(spec: StreamSpec, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    num_replicas: replicas,
    subjects: [...spec.subjects],
    storage: StorageType.File,
    retention: spec.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    max_age: nanos(spec.maxAgeMs ?? 7 * DAY_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
}

/**
 * Creates the stream, or brings an existing one to this configuration (its replicas those set for
 * the connection: setStreamReplicas). Idempotent. For the streams a service publishes to.
 */
export async function ensureStream(nc: NatsConnection, spec: StreamSpec): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(spec.name);
    await jsm.streams.update(spec.name, streamConfig(spec, streamReplicasOf(nc)));
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(streamConfig(spec, streamReplicasOf(nc)));
  }
}

/**
 * Creates the stream when it does not exist yet, and otherwise leaves it as its owner configured it.
 * For a stream a service consumes: it may start before the stream's publisher, but may not change it.
 */
export async function ensureStreamExists(nc: NatsConnection, spec: StreamSpec): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(spec.name);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(streamConfig(spec, streamReplicasOf(nc))).catch((added: unknown) => {
      // Another replica or the publisher created it meanwhile.
      if (!(added instanceof JetStreamApiError && added.code === STREAM_NAME_IN_USE)) throw added;
    });
  }
}
