import { errors as natsErrors } from '@nats-io/transport-node';

/** A NATS request that got no answer in time (the error itself, or the cause nats.js wrapped). */
export function isNatsTimeout(error: unknown): boolean {
  return error instanceof natsErrors.TimeoutError || (error instanceof Error && error.cause instanceof natsErrors.TimeoutError);
}

/**
 * A request nobody was subscribed to answer. nats.js reports a JetStream publish that met no
 * responders as JetStreamNotEnabled, a class it does not export.
 */
export function isNoResponders(error: unknown): boolean {
  return (error instanceof natsErrors.RequestError && error.isNoResponders()) || (error instanceof Error && error.name === 'JetStreamNotEnabled');
}
