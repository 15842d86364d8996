import { EXPENSES_CONTRACTS, STREAMS } from '@irp/contracts';
import { declaredConsumer } from './event-handlers';

describe(declaredConsumer.name, () => {
  it('gives the stream, durable and filter a service declares', () => {
    expect(declaredConsumer(EXPENSES_CONTRACTS, 'expenses-documents')).toEqual({
      stream: STREAMS.OCR,
      spec: { stream: 'OCR', durable: 'expenses-documents', filterSubject: 'ocr.events.>' },
    });
  });

  it('does not compile for a consumer the contracts do not declare', () => {
    // @ts-expect-error `expenses-budgets` is not among expenses' declared consumers
    expect(() => declaredConsumer(EXPENSES_CONTRACTS, 'expenses-budgets')).toThrow('expenses declares no consumer expenses-budgets');
  });
});
