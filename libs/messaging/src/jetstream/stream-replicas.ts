import type { NatsConnection } from '@nats-io/transport-node';

/**
 * How many servers keep a copy of each stream and KV/object bucket a service creates: 1 on a
 * single server, 3 on a 3-node cluster (a stream then survives losing one node). Set once per
 * connection (NATS_STREAM_REPLICAS, through NatsModule), so every place that creates a stream
 * reads it from the connection it creates the stream on instead of threading it through.
 */
const replicasByConnection = new WeakMap<NatsConnection, number>();

export function setStreamReplicas(nc: NatsConnection, replicas: number): void {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) throw new Error(`stream replicas must be an integer from 1 to 5, not ${replicas}`);
  replicasByConnection.set(nc, replicas);
}

/** The replicas set for this connection; 1 when none was. */
export function streamReplicasOf(nc: NatsConnection): number {
  return replicasByConnection.get(nc) ?? 1;
}
