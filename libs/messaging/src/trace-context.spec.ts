import { context, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { propagation } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext } from './trace-context';

describe('trace context in NATS headers', () => {
  beforeAll(() => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  it('carries the trace across a message', () => {
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    const headers = injectTraceContext(undefined, trace.setSpanContext(context.active(), spanContext));
    expect(headers.get('traceparent')).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const received = trace.getSpanContext(extractTraceContext(headers));
    expect(received).toMatchObject({ traceId: spanContext.traceId, spanId: spanContext.spanId, isRemote: true });
  });

  it('starts fresh when a message carries no trace', () => {
    expect(trace.getSpanContext(extractTraceContext(undefined))).toBeUndefined();
  });
});
