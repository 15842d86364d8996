/**
 * `text` with the marks (of `marks`) that `opinion`, another reading of the same line, has and
 * `text` lacks: where the two readings agree on the letters either side and only the opinion has
 * something between them, and that something is marks alone. Letters are never changed, so a
 * wrong opinion costs at most a stray mark. An opening bracket goes before the next character,
 * other marks after the previous one ("KUCHAI SDN" + "(KUCHAI) SDN" → "(KUCHAI) SDN"), so a mark
 * needs a letter on that side.
 */
export function withMissingMarks(text: string, opinion: string, marks: ReadonlySet<string>): string {
  const ours = visibleCharacters(text);
  const theirs = visibleCharacters(opinion);
  const before = new Map<number, string>();
  const after = new Map<number, string>();
  let previousOurs = -1;
  let previousTheirs = -1;
  for (const [i, j] of [...commonSubsequence(ours, theirs), [ours.length, theirs.length]]) {
    const extra = theirs.slice(previousTheirs + 1, j).map((c) => c.char);
    if (i === previousOurs + 1 && extra.length > 0 && extra.every((char) => marks.has(char))) {
      const opening = extra.filter((char) => char === '(').join('');
      const closing = extra.filter((char) => char !== '(').join('');
      if (closing && previousOurs >= 0) after.set(ours[previousOurs].index, closing);
      if (opening && i < ours.length) before.set(ours[i].index, opening);
    }
    [previousOurs, previousTheirs] = [i, j];
  }
  let result = '';
  for (let k = 0; k <= text.length; k++) result += (before.get(k) ?? '') + (text[k] ?? '') + (after.get(k) ?? '');
  return result;
}

interface Visible {
  char: string;
  /** Its position in the text. */
  index: number;
}

/** The text's characters but white space, upper-cased (the readings differ in case and spacing). */
function visibleCharacters(text: string): Visible[] {
  const visible: Visible[] = [];
  for (let index = 0; index < text.length; index++) if (!/\s/.test(text[index])) visible.push({ char: text[index].toUpperCase(), index });
  return visible;
}

/** A longest common subsequence of the two, as pairs of positions, in order. */
function commonSubsequence(a: readonly Visible[], b: readonly Visible[]): [number, number][] {
  const width = b.length + 1;
  const lengths = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i].char === b[j].char ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i].char === b[j].char) pairs.push([i++, j++]);
    else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}
