import { jetstreamManager, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM_NAME } from '@irp/contracts';

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
export const DEAD_LETTER_STREAM: StreamSpec = { name: DEAD_LETTER_STREAM_NAME, subjects: ['dlq.>'], maxAgeMs: 30 * DAY_MS };

/** Creates the stream, or brings an existing one to this configuration. Idempotent. */
export async function ensureStream(nc: NatsConnection, spec: StreamSpec): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config: Partial<StreamConfig> & { name: string } = {
    name: spec.name,
    subjects: [...spec.subjects],
    storage: StorageType.File,
    retention: spec.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    max_age: nanos(spec.maxAgeMs ?? 7 * DAY_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    await jsm.streams.info(spec.name);
    await jsm.streams.update(spec.name, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(config);
  }
}
