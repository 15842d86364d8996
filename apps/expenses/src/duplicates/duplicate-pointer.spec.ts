import { withoutTwin } from './duplicate-pointer';

describe(withoutTwin.name, () => {
  const pointer = { documentId: 'd1', expenseId: 'e1', reason: 'same_file' as const };

  it('keeps the expense half when the document is deleted', () => {
    expect(withoutTwin(pointer, { documentId: 'd1' })).toEqual({ documentId: null, expenseId: 'e1', reason: 'same_file' });
  });

  it('keeps the document half when the expense is deleted', () => {
    expect(withoutTwin(pointer, { expenseId: 'e1' })).toEqual({ documentId: 'd1', expenseId: null, reason: 'same_file' });
  });

  it('drops the flag when nothing of the twin is left', () => {
    expect(withoutTwin({ ...pointer, expenseId: null }, { documentId: 'd1' })).toBeNull();
    expect(withoutTwin(null, { expenseId: 'e1' })).toBeNull();
  });
});
