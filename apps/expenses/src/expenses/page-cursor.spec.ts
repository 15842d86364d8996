import { decodeCursor, encodeCursor } from './page-cursor';

const id = '0b7f3c1e-5a52-4d8e-9b1a-2f64c1d0a9e3';

describe(decodeCursor.name, () => {
  it('reads back the position of its own sort', () => {
    expect(decodeCursor(encodeCursor('-date', { value: '2026-03-01', id }), '-date')).toEqual({ value: '2026-03-01', id });
    expect(decodeCursor(encodeCursor('amount', { value: '1234', id }), 'amount')).toEqual({ value: '1234', id });
  });

  it.each([
    ['another sort', encodeCursor('date', { value: '2026-03-01', id }), 'amount'],
    ['an impossible date', encodeCursor('date', { value: '2026-02-30', id }), 'date'],
    ['an amount beyond bigint', encodeCursor('amount', { value: '99999999999999999999', id }), 'amount'],
    ['a forged id', encodeCursor('date', { value: '2026-03-01', id: "x' or 1=1" }), 'date'],
    ['garbage', 'not-a-cursor', 'date'],
  ] as const)('refuses %s', (_, cursor, sort) => {
    expect(() => decodeCursor(cursor, sort)).toThrow('invalid cursor');
  });
});
