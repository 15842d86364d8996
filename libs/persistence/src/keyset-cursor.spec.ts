import { randomUUID } from 'node:crypto';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  it('give back the position they were made from, to the millisecond', () => {
    const at = new Date('2026-03-01T10:20:30.456Z');
    const id = randomUUID();
    expect(decodeKeysetCursor(encodeKeysetCursor(at, id))).toEqual({ at, id });
  });

  it.each([['not base64 json'], [Buffer.from('[1,2]').toString('base64url')], [Buffer.from('["yesterday","x"]').toString('base64url')], [Buffer.from(`["2026-03-01T00:00:00Z","${'a'.repeat(36)}"]`).toString('base64url')]])(
    'refuse what they did not give out: %s',
    (cursor) => expect(decodeKeysetCursor(cursor)).toBeNull(),
  );
});
