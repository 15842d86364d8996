import { brightnessPercentile, type GreyImage } from './grey-image';

/** Components shorter than this are dots, dashes and speckle, not characters. */
const MIN_HEIGHT = 7;

/**
 * The median height in pixels of the character-sized blobs of ink (connected components), or 0
 * when there are none. Robust to skew and columns, unlike row profiles; used to scale text to
 * the size Tesseract reads best.
 */
export function medianCharacterHeight(image: GreyImage): number {
  const { data, width, height } = image;
  const paper = brightnessPercentile(data, 0.9);
  const ink = Math.min(paper - 50, 160);
  const visited = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const heights: number[] = [];
  let size = 0;
  const visit = (n: number): void => {
    if (!visited[n] && data[n] < ink) {
      visited[n] = 1;
      stack[size++] = n;
    }
  };
  for (let start = 0; start < data.length; start++) {
    if (visited[start] || data[start] >= ink) continue;
    size = 0;
    let pixels = 0;
    stack[size++] = start;
    visited[start] = 1;
    let minX = width;
    let maxX = 0;
    let minY = height;
    let maxY = 0;
    while (size > 0) {
      const p = stack[--size];
      pixels++;
      const x = p % width;
      const y = (p - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      if (y < height - 1) visit(p + width);
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (h >= MIN_HEIGHT && h <= height / 10 && w >= 2 && w <= h * 2 && pixels >= h) heights.push(h);
  }
  if (heights.length === 0) return 0;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)];
}
