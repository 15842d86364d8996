import { EVENT_CONTRACTS, RPC_CONTRACTS } from './registry';
import { SERVICE_CONTRACTS, SUBJECTS } from './subjects';

const declarations = SERVICE_CONTRACTS.flatMap(({ service, rpc, events }) => [
  ...Object.entries(rpc).map(([name, declaration]) => ({ service, name, kind: 'rpc', ...declaration })),
  ...Object.entries(events).map(([name, declaration]) => ({ service, name, kind: 'event', ...declaration })),
]);

/** NATS wildcard match of one subject against a stream's subject filter. */
function matches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  return f.every((token, i) => token === '>' || token === '*' || token === s[i]) && (f.at(-1) === '>' ? s.length >= f.length : s.length === f.length);
}

describe('service contracts', () => {
  it('declare every name and every subject once across services', () => {
    const names = declarations.map((d) => d.name);
    const subjects = declarations.map((d) => d.subject);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(subjects.filter((subject, i) => subjects.indexOf(subject) !== i)).toEqual([]);
    expect(Object.keys(SUBJECTS)).toHaveLength(declarations.length);
  });

  it('name subjects after their owning service, versioned', () => {
    for (const { service, subject, kind } of declarations) {
      expect(subject.startsWith(`${service}.`)).toBe(true);
      expect(subject).toMatch(/\.v\d+$/);
      if (kind === 'rpc') expect(subject).not.toMatch(/\.events\./);
    }
  });

  it('put every event subject in the stream it names', () => {
    for (const declaration of declarations.filter((d) => 'stream' in d)) {
      const { stream, subject } = declaration as { stream: { subjects: readonly string[] }; subject: string };
      expect(stream.subjects.some((filter) => matches(filter, subject))).toBe(true);
    }
  });

  it('derive the runtime maps from the declarations', () => {
    expect(RPC_CONTRACTS[SUBJECTS.getUser]).toMatchObject({ service: 'auth', request: expect.any(Function) });
    expect(EVENT_CONTRACTS[SUBJECTS.ocrJobRequested]).toMatchObject({ service: 'ocr', publisher: 'expenses', stream: 'OCR_JOBS' });
    expect(EVENT_CONTRACTS[SUBJECTS.expenseCreated]).toMatchObject({ publisher: 'expenses', stream: 'EXPENSES' });
  });
});
