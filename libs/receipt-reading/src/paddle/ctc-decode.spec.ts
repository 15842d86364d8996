import { ctcGreedyDecode } from './ctc-decode';

/** Class probabilities for a sequence of most-likely classes, each step sure at `p`. */
function steps(classes: number, best: readonly number[], p = 0.9): Float32Array {
  const data = new Float32Array(best.length * classes).fill((1 - p) / (classes - 1));
  best.forEach((c, step) => (data[step * classes + c] = p));
  return data;
}

describe(ctcGreedyDecode.name, () => {
  const dictionary = ['', 'A', 'L', 'T', 'O', ' '];

  it('collapses repeated classes and drops blanks', () => {
    const decoded = ctcGreedyDecode(steps(6, [3, 3, 0, 4, 4, 4, 3, 0, 0, 1, 2]), 11, 6, dictionary);
    expect(decoded.text).toBe('TOTAL');
    expect(decoded.characterConfidences).toHaveLength(5);
  });

  it('keeps a doubled letter only when a blank separates its two runs', () => {
    expect(ctcGreedyDecode(steps(6, [2, 2, 2]), 3, 6, dictionary).text).toBe('L');
    expect(ctcGreedyDecode(steps(6, [2, 0, 2]), 3, 6, dictionary).text).toBe('LL');
  });

  it('gives each kept character its probability and the line their mean', () => {
    const data = steps(6, [1, 0, 5, 0, 3]);
    data[4 * 6 + 3] = 0.5;
    const decoded = ctcGreedyDecode(data, 5, 6, dictionary);
    expect(decoded.text).toBe('A T');
    expect(decoded.characterConfidences.map((c) => Number(c.toFixed(2)))).toEqual([0.9, 0.9, 0.5]);
    expect(decoded.confidence).toBeCloseTo((0.9 + 0.9 + 0.5) / 3, 5);
  });

  it('reads nothing from blanks only, with no confidence', () => {
    expect(ctcGreedyDecode(steps(6, [0, 0, 0]), 3, 6, dictionary)).toEqual({ text: '', confidence: 0, characterConfidences: [] });
  });
});
