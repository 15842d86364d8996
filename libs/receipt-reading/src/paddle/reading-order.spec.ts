import { intoLines } from './reading-order';

const box = (name: string, left: number, top: number, height = 20) => ({ name, left, top, width: 50, height });

describe(intoLines.name, () => {
  it('groups boxes at the same height into lines, top to bottom, left to right', () => {
    const lines = intoLines([box('12.00', 300, 102), box('TOTAL', 10, 100), box('SHOP', 10, 20), box('CASH', 10, 140), box('20.00', 300, 138)]);
    expect(lines.map((line) => line.map((b) => b.name))).toEqual([['SHOP'], ['TOTAL', '12.00'], ['CASH', '20.00']]);
  });

  it('puts a box on the line it overlaps most, and two lines overlapping by less than half apart', () => {
    const lines = intoLines([box('A', 10, 100), box('B', 10, 112), box('C', 100, 116, 10), box('D', 100, 106, 10)]);
    expect(lines.map((line) => line.map((b) => b.name))).toEqual([['A', 'D'], ['B', 'C']]);
  });
});
