import type { Region } from '../image/grey-image';

/** A box on one text line overlaps the line's height by at least this share of the smaller of the two. */
const SAME_LINE_OVERLAP = 0.5;

/**
 * Boxes grouped into text lines, top to bottom, each line's boxes left to right: a receipt's
 * "TOTAL" and its amount are two boxes of one line.
 */
export function intoLines<T extends Region>(boxes: readonly T[]): T[][] {
  const byCentre = [...boxes].sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2));
  const lines: { top: number; bottom: number; boxes: T[] }[] = [];
  for (const box of byCentre) {
    const line = bestOverlap(lines, box);
    if (line) {
      line.boxes.push(box);
      // The line's span is its first box's, so a tall neighbour cannot chain two lines into one.
    } else {
      lines.push({ top: box.top, bottom: box.top + box.height, boxes: [box] });
    }
  }
  return lines.sort((a, b) => a.top - b.top).map((line) => line.boxes.sort((a, b) => a.left - b.left));
}

/** The line the box overlaps most, if it overlaps it enough. */
function bestOverlap<L extends { top: number; bottom: number }>(lines: readonly L[], box: Region): L | undefined {
  let best: L | undefined;
  let bestOverlap = 0;
  for (const line of lines) {
    const shared = overlap(line, box);
    if (shared >= SAME_LINE_OVERLAP * Math.min(line.bottom - line.top, box.height) && shared > bestOverlap) [best, bestOverlap] = [line, shared];
  }
  return best;
}

function overlap(line: { top: number; bottom: number }, box: Region): number {
  return Math.min(line.bottom, box.top + box.height) - Math.max(line.top, box.top);
}
