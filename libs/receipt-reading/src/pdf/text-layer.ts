/** The parts of a pdf.js text item this module reads. */
export interface TextItemLike {
  str?: string;
  transform?: number[];
  height?: number;
  width?: number;
}

interface Placed {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A page's text items as lines, top to bottom and left to right: items whose baselines are within
 * half a text height of each other share a line, as a receipt's label and its amount do.
 */
export function textLayerLines(items: readonly TextItemLike[]): string[] {
  const placed: Placed[] = items.flatMap((item) => {
    if (!item.str || !item.transform || !item.str.trim()) return [];
    const height = item.height || Math.abs(item.transform[3]) || 10;
    return [{ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width ?? 0, height }];
  });
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Placed[][] = [];
  for (const item of placed) {
    const line = lines.find((l) => Math.abs(l[0].y - item.y) < Math.max(l[0].height, item.height) / 2);
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => joinLine(line.sort((a, b) => a.x - b.x)));
}

function joinLine(items: readonly Placed[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const needsSpace = text !== '' && !/\s$/.test(text) && !/^\s/.test(item.text) && gap > item.height * 0.15;
    text += (needsSpace ? ' ' : '') + item.text;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}
