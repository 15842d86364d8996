import { jsonNestingExceeds } from './json-body';

describe(jsonNestingExceeds.name, () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('allows nesting up to the limit and refuses one level more', () => {
    expect(jsonNestingExceeds(nested(64), 64)).toBe(false);
    expect(jsonNestingExceeds(nested(65), 64)).toBe(true);
    expect(jsonNestingExceeds('{"a":'.repeat(65) + '1' + '}'.repeat(65), 64)).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    expect(jsonNestingExceeds(`[${Array.from({ length: 1000 }, () => '{"a":[1]}').join(',')}]`, 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(JSON.stringify({ text: '[[[[{{{{"\\' + '['.repeat(100) }), 2)).toBe(false);
  });
});
