import type { Region } from '../image/grey-image';

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface TextBox extends Region {
  /** Mean text probability inside the region found, 0–1. */
  score: number;
}

export interface TextBoxOptions {
  /** A pixel is text above this probability. */
  threshold: number;
  /** A region is kept when its mean probability is above this. */
  boxThreshold: number;
  /**
   * DB's unclip ratio: the detector marks a shrunk kernel of each text, grown back by area × ratio /
   * perimeter. 2 rather than PaddleOCR's 1.5: at 1.5 a receipt's trailing comma or period fell
   * outside the box (train-sample: more dates and names read right, as many totals).
   */
  unclipRatio: number;
  /** Regions thinner than this (map pixels) are noise. */
  minSide: number;
}

export const DEFAULT_TEXT_BOX_OPTIONS: TextBoxOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 2, minSide: 3 };

/**
 * DB post-processing: the probability map thresholded, its 8-connected regions taken as text
 * kernels, each scored, grown back (unclipped) and returned as an upright box in map pixels.
 * Receipts are printed level, so upright boxes are enough.
 */
export function textBoxes(map: ProbabilityMap, options: TextBoxOptions = DEFAULT_TEXT_BOX_OPTIONS): TextBox[] {
  const { width, height, data } = map;
  const labels = new Int32Array(width * height);
  const boxes: TextBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (labels[start] !== 0 || data[start] <= options.threshold) continue;
    labels[start] = 1;
    stack.push(start);
    let left = width;
    let top = height;
    let right = 0;
    let bottom = 0;
    let sum = 0;
    let count = 0;
    while (stack.length) {
      const index = stack.pop() as number;
      const x = index % width;
      const y = (index - x) / width;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      sum += data[index];
      count++;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const neighbour = ny * width + nx;
          if (labels[neighbour] === 0 && data[neighbour] > options.threshold) {
            labels[neighbour] = 1;
            stack.push(neighbour);
          }
        }
      }
    }
    const kernel = { left, top, width: right - left + 1, height: bottom - top + 1 };
    if (Math.min(kernel.width, kernel.height) < options.minSide || sum / count < options.boxThreshold) continue;
    boxes.push({ ...unclip(kernel, options.unclipRatio, map), score: sum / count });
  }
  return boxes;
}

/** The kernel grown by area × ratio / perimeter on every side, within the map. */
export function unclip(region: Region, ratio: number, bounds: { width: number; height: number }): Region {
  const distance = (region.width * region.height * ratio) / (2 * (region.width + region.height));
  const left = Math.max(0, Math.floor(region.left - distance));
  const top = Math.max(0, Math.floor(region.top - distance));
  const right = Math.min(bounds.width, Math.ceil(region.left + region.width + distance));
  const bottom = Math.min(bounds.height, Math.ceil(region.top + region.height + distance));
  return { left, top, width: right - left, height: bottom - top };
}
