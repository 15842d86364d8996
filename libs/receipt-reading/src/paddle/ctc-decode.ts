export interface DecodedText {
  text: string;
  /** Mean probability of the characters kept, 0–1 (0 when none). */
  confidence: number;
  /** Each kept character's probability. */
  characterConfidences: number[];
}

/**
 * Greedy CTC decoding of one line: the most likely class at each time step, repeats collapsed
 * (a repeated letter needs a blank between its two runs), blanks (class 0) dropped.
 * `probabilities` holds `steps` rows of `classes` values.
 */
export function ctcGreedyDecode(probabilities: Float32Array, steps: number, classes: number, dictionary: readonly string[]): DecodedText {
  let text = '';
  const characterConfidences: number[] = [];
  let previous = -1;
  for (let step = 0; step < steps; step++) {
    const row = step * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[row + c] > probabilities[row + best]) best = c;
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? '';
      characterConfidences.push(probabilities[row + best]);
    }
    previous = best;
  }
  const confidence = characterConfidences.length ? characterConfidences.reduce((a, b) => a + b, 0) / characterConfidences.length : 0;
  return { text, confidence, characterConfidences };
}
