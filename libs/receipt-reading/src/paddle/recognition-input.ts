import sharp from 'sharp';
import type { GreyImage, Region } from '../image/grey-image';

/** The recogniser's line height (en_PP-OCRv3: 3 × 48 × W). */
export const LINE_HEIGHT = 48;
/** Bounds a crop's width (and so a batch's tensor): a line longer than 40 heights is squeezed. */
const MAX_WIDTH = LINE_HEIGHT * 40;

export interface LineCrop {
  /** Grey pixels, LINE_HEIGHT rows of `width`. */
  pixels: Uint8Array;
  width: number;
}

/** A text box of the page scaled to the recogniser's height, its width in proportion. */
export async function lineCrop(image: GreyImage, box: Region): Promise<LineCrop> {
  const left = clamp(box.left, 0, image.width - 1);
  const top = clamp(box.top, 0, image.height - 1);
  const width = clamp(box.left + box.width, left + 1, image.width) - left;
  const height = clamp(box.top + box.height, top + 1, image.height) - top;
  const scaledWidth = Math.max(1, Math.min(MAX_WIDTH, Math.round((width * LINE_HEIGHT) / height)));
  const pixels = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .extract({ left, top, width, height })
    .resize(scaledWidth, LINE_HEIGHT, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength), width: scaledWidth };
}

/**
 * Crops as one NCHW batch (n × 3 × 48 × widest), scaled to [-1, 1]; narrower crops are padded
 * on the right with 0, as PaddleOCR pads.
 */
export function recognitionBatch(crops: readonly LineCrop[]): { tensor: Float32Array; width: number } {
  const width = Math.max(...crops.map((crop) => crop.width));
  const plane = LINE_HEIGHT * width;
  const tensor = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    for (let y = 0; y < LINE_HEIGHT; y++) {
      for (let x = 0; x < crop.width; x++) {
        const value = crop.pixels[y * crop.width + x] / 127.5 - 1;
        const at = n * 3 * plane + y * width + x;
        tensor[at] = value;
        tensor[at + plane] = value;
        tensor[at + 2 * plane] = value;
      }
    }
  });
  return { tensor, width };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}
