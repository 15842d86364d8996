import path from 'node:path';
import { PLATFORM_SERVICES } from '@irp/embedded-infra';
import { formatFigures } from '../src/figures';
import { runScenario, type ScenarioResult } from '../src/scenario';

const root = path.resolve(__dirname, '../../..');

/** `npm run cluster`, short: the proof that the platform keeps its promises with replicas and a clustered bus. */
describe('the platform scaled out (3 NATS servers, 2 replicas of every service) under load while parts are SIGKILLed', () => {
  let result: ScenarioResult;

  beforeAll(async () => {
    result = await runScenario({ root, durationMs: 25_000, uploadsPerSecond: 2, expenseWritesPerSecond: 3 });
    process.stdout.write(`\n${formatFigures(result.figures, result.audit, result.kills, result.operations)}\n`);
  }, 240_000);

  it('killed one NATS server and one replica of every registered service, and each came back', () => {
    expect(result.kills.map((kill) => kill.target.split('#')[0].replace(/^nats-\d$/, 'nats')).sort()).toEqual(['nats', ...PLATFORM_SERVICES.map((service) => service.name)].sort());
    for (const kill of result.kills) expect(kill).toEqual(expect.objectContaining({ recoveryMs: expect.any(Number) }));
  });

  it('turned every accepted upload into exactly one expense, and filed every accepted expense once', () => {
    const { uploads, expenseWrites, unaccountedExpenses } = result.audit;
    expect(uploads.accepted).toBeGreaterThan(20);
    expect(uploads).toEqual(expect.objectContaining({ completed: uploads.accepted, withoutExpense: 0, withSeveralExpenses: 0, notDone: 0 }));
    expect(expenseWrites.accepted).toBeGreaterThan(30);
    expect(expenseWrites.missing).toBe(0);
    expect(unaccountedExpenses).toBe(0);
    expect(result.figures.operations.abandoned).toBe(0);
  });

  it('published every event once and every consumer applied each once', () => {
    const expenses = result.audit.streams.find((stream) => stream.stream === 'EXPENSES');
    expect(expenses).toEqual(expect.objectContaining({ published: result.figures.operations.accepted, messages: result.figures.operations.accepted, lost: 0, duplicates: 0 }));
    for (const stream of result.audit.streams) expect(stream).toEqual(expect.objectContaining({ lost: 0, duplicates: 0 }));
    expect(result.audit.consumers.length).toBeGreaterThan(0);
    for (const consumer of result.audit.consumers) expect(consumer).toEqual(expect.objectContaining({ missing: 0, applied: consumer.expected }));
    expect(result.audit.deadLettered).toBe(0);
  });

  it('answered no 5xx but for requests in flight on a killed gateway', () => {
    expect(result.figures.serverErrors.other).toBe(0);
    expect(result.figures.losses).toBe(0);
    expect(result.figures.duplicates).toBe(0);
  });

  it('kept every stream and bucket at 3 replicas', () => {
    expect(Object.keys(result.audit.replicas)).toEqual(expect.arrayContaining(['EXPENSES', 'OCR', 'OCR_JOBS', 'OBJ_documents']));
    expect(result.figures.streamsBelowReplicas).toEqual([]);
  });
});
