import sharp from 'sharp';
import { toPgm, type GreyImage, type Region } from './grey-image';

export interface CropOptions {
  /** Kept around the region, as a share of its height: the tops and tails of the letters. */
  padding: number;
  /** Enlargement factor (1 keeps the size). */
  scale: number;
}

/** A region of a page as PGM, for OCR to re-read it alone. */
export async function cropRegion(image: GreyImage, region: Region, options: CropOptions): Promise<Buffer> {
  const pad = Math.round(region.height * options.padding);
  const left = clamp(region.left - pad, 0, image.width - 1);
  const top = clamp(region.top - pad, 0, image.height - 1);
  const width = clamp(region.left + region.width + pad, left + 1, image.width) - left;
  const height = clamp(region.top + region.height + pad, top + 1, image.height) - top;
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } }).extract({ left, top, width, height });
  if (options.scale !== 1) pipeline = pipeline.resize({ width: Math.max(1, Math.round(width * options.scale)), kernel: 'lanczos3' });
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return toPgm({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height });
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}
