import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Writable } from 'node:stream';
import { configureLogging, getLogger } from './logger';

function capture(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, destination };
}

describe(getLogger.name, () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  it('writes JSON lines with service, context and the active trace', () => {
    const { lines, destination } = capture();
    configureLogging({ service: 'svc', level: 'info', destination });
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    context.with(trace.setSpanContext(context.active(), spanContext), () => getLogger('Example').info({ expenseId: 'e1' }, 'expense created'));
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'svc',
      context: 'Example',
      expenseId: 'e1',
      msg: 'expense created',
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
    });
  });

  it('never writes secrets', () => {
    const { lines, destination } = capture();
    configureLogging({ service: 'svc', level: 'info', destination });
    getLogger('Example').info({ password: 'hunter2', body: { refreshToken: 'r' }, headers: { authorization: 'Bearer t' } }, 'login');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('Bearer t');
    expect(line).not.toContain('"r"');
  });
});
