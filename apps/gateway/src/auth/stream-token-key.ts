import { Kvm } from '@nats-io/kv';
import { GATEWAY_BUCKETS } from '@irp/contracts';
import { JetStreamApiCodes, JetStreamApiError, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamReplicasOf } from '@irp/messaging';
import { randomBytes } from 'node:crypto';

/** The JetStream key-value bucket of keys the gateway's replicas generate once and share. */
export const GATEWAY_KEYS_BUCKET = GATEWAY_BUCKETS.keys;
const STREAM_TOKEN_KEY = 'stream-token-hmac';

/**
 * The stream-token signing key when STREAM_TOKEN_SECRET is not set: the first replica to ask
 * generates a random one and keeps it in NATS KV, the others read it, so a token issued by one
 * replica opens the stream on any other.
 */
export async function sharedStreamTokenKey(nc: NatsConnection): Promise<string> {
  const bucket = await new Kvm(nc).create(GATEWAY_KEYS_BUCKET, { history: 1, storage: StorageType.File, replicas: streamReplicasOf(nc) });
  try {
    await bucket.create(STREAM_TOKEN_KEY, randomBytes(32).toString('base64url'));
  } catch (error) {
    // Another replica made it first: use theirs.
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamWrongLastSequence)) throw error;
  }
  const entry = await bucket.get(STREAM_TOKEN_KEY);
  if (entry?.operation !== 'PUT') throw new Error(`the stream token key is missing from the ${GATEWAY_KEYS_BUCKET} bucket`);
  return entry.string();
}
