/**
 * The dataset's OCR ground truth (`x1,y1,...,x4,y4,text` per box) as the text a reader would
 * produce: boxes grouped into rows by vertical overlap, each row left to right.
 */
interface Box {
  left: number;
  top: number;
  bottom: number;
  text: string;
}

export function boxesToText(boxText: string): string {
  const boxes = boxText.split(/\r?\n/).flatMap(parseBox);
  boxes.sort((a, b) => a.top - b.top);
  const rows: Box[][] = [];
  for (const box of boxes) {
    const row = rows.find((r) => overlapsRow(r, box));
    if (row) row.push(box);
    else rows.push([box]);
  }
  rows.sort((a, b) => centre(a) - centre(b));
  return rows.map((row) => row.sort((a, b) => a.left - b.left).map((box) => box.text).join(' ')).join('\n');
}

function parseBox(line: string): Box[] {
  const parts = line.split(',');
  if (parts.length < 9) return [];
  const numbers = parts.slice(0, 8).map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return [];
  const ys = [numbers[1], numbers[3], numbers[5], numbers[7]];
  const xs = [numbers[0], numbers[2], numbers[4], numbers[6]];
  return [{ left: Math.min(...xs), top: Math.min(...ys), bottom: Math.max(...ys), text: parts.slice(8).join(',').trim() }];
}

/** Same row when the box's vertical middle lies within the row's first box. */
function overlapsRow(row: readonly Box[], box: Box): boolean {
  const first = row[0];
  const middle = (box.top + box.bottom) / 2;
  return middle > first.top && middle < first.bottom;
}

function centre(row: readonly Box[]): number {
  return (row[0].top + row[0].bottom) / 2;
}
