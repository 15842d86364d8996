import sharp from 'sharp';
import type { GreyImage } from '../image/grey-image';

export interface DetectionInputOptions {
  /** The longest side the detector sees: bounds its memory and time whatever the page's size. */
  maxSide: number;
  /** And its pixels: a long receipt keeps more width than a square page would under `maxSide` alone. */
  maxPixels: number;
}

export interface DetectionInput {
  /** NCHW float32, 1 × 3 × height × width, ImageNet-normalised. */
  tensor: Float32Array;
  width: number;
  height: number;
  /** Factor from the page's pixels to the tensor's (the padding is below and right of the page). */
  scale: number;
}

/** DB's backbone downsamples by 32: each side must be a multiple of it. */
const STRIDE = 32;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** The page scaled down to the detector's bounds (never up), padded white to multiples of 32. */
export async function detectionInput(image: GreyImage, options: DetectionInputOptions): Promise<DetectionInput> {
  const scale = detectionScale(image.width, image.height, options);
  const scaledWidth = Math.max(1, Math.round(image.width * scale));
  const scaledHeight = Math.max(1, Math.round(image.height * scale));
  const width = Math.ceil(scaledWidth / STRIDE) * STRIDE;
  const height = Math.ceil(scaledHeight / STRIDE) * STRIDE;
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
  if (scaledWidth !== image.width || scaledHeight !== image.height) pipeline = pipeline.resize(scaledWidth, scaledHeight, { fit: 'fill', kernel: 'linear' });
  const pixels = await pipeline
    .extend({ right: width - scaledWidth, bottom: height - scaledHeight, background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { tensor: normalise(pixels, width * height), width, height, scale: scaledWidth / image.width };
}

export function detectionScale(width: number, height: number, options: DetectionInputOptions): number {
  return Math.min(1, options.maxSide / Math.max(width, height), Math.sqrt(options.maxPixels / (width * height)));
}

/** Grey pixels into the three (equal) colour planes the detector was trained on. */
function normalise(pixels: Uint8Array, area: number): Float32Array {
  const tensor = new Float32Array(3 * area);
  for (let channel = 0; channel < 3; channel++) {
    const offset = channel * area;
    const mean = MEAN[channel];
    const std = STD[channel];
    for (let i = 0; i < area; i++) tensor[offset + i] = (pixels[i] / 255 - mean) / std;
  }
  return tensor;
}
