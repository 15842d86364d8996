import { brightnessPercentile, type GreyImage, type Region } from './grey-image';

/** Rows and columns with fewer dark pixels than this share are margin (specks, dust). */
const MIN_INK_SHARE = 0.004;
/** Kept around the content so that faint edge characters survive. */
const MARGIN_SHARE = 0.03;

/**
 * The part of `within` that holds ink: a receipt scanned on an A4 page is a quarter of it, and
 * OCR time grows with the pixels it is given.
 */
export function contentBox(image: GreyImage, within: Region): Region {
  const { data, width } = image;
  const ink = Math.min(brightnessPercentile(data, 0.9) - 60, 150);
  const right = within.left + within.width;
  const bottom = within.top + within.height;
  const rowInk = new Uint32Array(image.height);
  const columnInk = new Uint32Array(width);
  for (let y = within.top; y < bottom; y++) {
    for (let x = within.left; x < right; x++) {
      if (data[y * width + x] < ink) {
        rowInk[y]++;
        columnInk[x]++;
      }
    }
  }
  const rows = span(rowInk, within.top, bottom, Math.max(2, within.width * MIN_INK_SHARE));
  const columns = span(columnInk, within.left, right, Math.max(2, within.height * MIN_INK_SHARE));
  if (!rows || !columns) return within;
  const marginX = Math.round(within.width * MARGIN_SHARE);
  const marginY = Math.round(within.height * MARGIN_SHARE);
  const left = Math.max(within.left, columns.first - marginX);
  const top = Math.max(within.top, rows.first - marginY);
  return {
    left,
    top,
    width: Math.min(right, columns.last + 1 + marginX) - left,
    height: Math.min(bottom, rows.last + 1 + marginY) - top,
  };
}

function span(counts: Uint32Array, from: number, to: number, threshold: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    if (counts[i] >= threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : { first, last };
}
