import type { GreyImage, Region } from './grey-image';

/** A row or column mostly this dark is scanner background, not paper. */
const DARK = 90;
const MOSTLY = 0.5;
/** Never crop more than this share of a side: a dark photo is not a border. */
const MAX_CROP = 0.15;

/**
 * The part of a scan inside its dark borders. Tesseract can return no text at all for a page
 * framed by a scanner's black edges, so they are cut off before OCR.
 */
export function insideDarkBorders(image: GreyImage): Region {
  const { data, width, height } = image;
  const rowDarkness = (y: number, left: number, right: number): number => {
    let dark = 0;
    for (let x = left; x < right; x++) if (data[y * width + x] < DARK) dark++;
    return dark / Math.max(1, right - left);
  };
  const columnDarkness = (x: number, top: number, bottom: number): number => {
    let dark = 0;
    for (let y = top; y < bottom; y++) if (data[y * width + x] < DARK) dark++;
    return dark / Math.max(1, bottom - top);
  };
  let top = 0;
  let bottom = height;
  let left = 0;
  let right = width;
  const maxRows = Math.floor(height * MAX_CROP);
  const maxColumns = Math.floor(width * MAX_CROP);
  while (top < maxRows && rowDarkness(top, 0, width) > MOSTLY) top++;
  while (height - bottom < maxRows && rowDarkness(bottom - 1, 0, width) > MOSTLY) bottom--;
  while (left < maxColumns && columnDarkness(left, top, bottom) > MOSTLY) left++;
  while (width - right < maxColumns && columnDarkness(right - 1, top, bottom) > MOSTLY) right--;
  return { left, top, width: right - left, height: bottom - top };
}
