import { subjectMatches } from './audit';

describe(subjectMatches.name, () => {
  it('matches NATS wildcards: * one token, > the rest', () => {
    expect(subjectMatches('ocr.events.>', 'ocr.events.extraction.completed.v1')).toBe(true);
    expect(subjectMatches('ocr.events.>', 'ocr.events')).toBe(false);
    expect(subjectMatches('ocr.*.read.v1', 'ocr.jobs.read.v1')).toBe(true);
    expect(subjectMatches('ocr.*.read.v1', 'ocr.jobs.more.read.v1')).toBe(false);
    expect(subjectMatches('expenses.events.expense.created.v1', 'expenses.events.expense.created.v1')).toBe(true);
    expect(subjectMatches('expenses.events.expense.created.v1', 'expenses.events.expense.created.v2')).toBe(false);
  });
});
