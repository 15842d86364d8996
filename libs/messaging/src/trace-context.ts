import { context, propagation, ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';

// No OpenTelemetry instrumentation exists for NATS, so W3C trace context travels in message headers
// (`traceparent`, `tracestate`) by hand, on every request, reply-less publish and JetStream event.
const setter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => (carrier ? [...carrier.keys()] : []),
  // MsgHdrs.get answers '' for a missing header
  get: (carrier, key) => carrier?.get(key) || undefined,
};

/** Headers carrying the active (or given) trace context. */
export function injectTraceContext(headers: MsgHdrs = createHeaders(), from: Context = context.active()): MsgHdrs {
  propagation.inject(from, headers, setter);
  return headers;
}

/** The trace context a message carries; the root context when it carries none. */
export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers, getter);
}

/** The active trace context as a plain object, for storing with an outbox row. */
export function traceCarrier(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

export function headersFromCarrier(carrier: Record<string, string> | null | undefined, headers: MsgHdrs = createHeaders()): MsgHdrs {
  for (const [key, value] of Object.entries(carrier ?? {})) headers.set(key, value);
  return headers;
}
