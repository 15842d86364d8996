import sharp, { type Sharp } from 'sharp';
import type { ImageFormat } from '../detect-document-type';
import { imageTooLarge, UnreadableDocumentError } from '../unreadable-document.error';
import { medianCharacterHeight } from './character-height';
import { captureDay } from './capture-day';
import { contentBox } from './content-box';
import { insideDarkBorders } from './dark-border';
import { toPgm, type GreyImage, type Region } from './grey-image';
import { decodeHeic } from './decode-heic';

export interface PreparedImage {
  /** The page for Tesseract, as PGM. */
  pgm: Buffer;
  /** The same pixels (a view of `pgm`), for re-reading parts of the page. */
  grey: GreyImage;
  width: number;
  height: number;
  /** Factor applied to the source's pixels. */
  scale: number;
  /** The day the photo was taken (YYYY-MM-DD, from EXIF), when the file says. */
  takenOn: string | null;
}

export interface PrepareOptions {
  /** Larger images are refused before they are decoded (decompression bombs). */
  maxInputPixels: number;
}

/** Width at which text size and borders are measured: enough to see 1 mm text on A4. */
const PROBE_WIDTH = 1600;
/** Character heights (px) Tesseract reads well; smaller text is enlarged, much larger reduced. */
const SMALL_TEXT = 14;
const SMALL_TEXT_TARGET = 20;
const LARGE_TEXT = 48;
const LARGE_TEXT_TARGET = 32;
const MAX_SCALE = 2.5;
/** Bounds the OCR time of one page whatever its size. */
const MAX_OCR_PIXELS = 12_000_000;

/**
 * Turns an uploaded image into what OCR reads best: upright (EXIF orientation), greyscale,
 * inside any dark scanner border, cropped to its content, and scaled so that characters are 20–48 px high. No contrast
 * normalisation or thresholding: both made mostly-white scans worse.
 */
export async function prepareImage(bytes: Buffer, format: ImageFormat, options: PrepareOptions): Promise<PreparedImage> {
  return prepareSource(await openSource(bytes, format, options.maxInputPixels));
}

/** The same preparation for pixels already decoded (a rendered PDF page, RGBA). */
export async function preparePixels(image: { data: Uint8Array; width: number; height: number }, options: PrepareOptions): Promise<PreparedImage> {
  if (image.width * image.height > options.maxInputPixels) throw imageTooLarge(image.width, image.height, options.maxInputPixels);
  const raw = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const open = (): Sharp => sharp(raw, { raw: { width: image.width, height: image.height, channels: 4 } }).greyscale();
  return prepareSource({ open, width: image.width, height: image.height, takenOn: null });
}

async function prepareSource(source: Source): Promise<PreparedImage> {
  const open = source.open;
  try {
    const probe = await toGrey(open().resize({ width: Math.min(PROBE_WIDTH, source.width), withoutEnlargement: true }));
    const probeScale = probe.width / source.width;
    const border = clampRegion(scaleRegion(contentBox(probe, insideDarkBorders(probe)), 1 / probeScale), source);
    const characterHeight = medianCharacterHeight(probe) / probeScale;
    const scale = outputScale(characterHeight, border);
    let pipeline = open().extract(border);
    if (scale !== 1) pipeline = pipeline.resize({ width: Math.max(1, Math.round(border.width * scale)), kernel: 'lanczos3' });
    const page = await toGrey(pipeline);
    const pgm = toPgm(page);
    const grey = { data: pgm.subarray(pgm.length - page.data.length), width: page.width, height: page.height };
    return { pgm, grey, width: page.width, height: page.height, scale, takenOn: source.takenOn };
  } catch (error) {
    throw asUnreadable(error);
  }
}

interface Source {
  /** A new sharp pipeline over the upright greyscale image. */
  open: () => Sharp;
  /** Size once upright. */
  width: number;
  height: number;
  takenOn: string | null;
}

/** The image, checked against the pixel limit from its header before anything is decoded. */
async function openSource(bytes: Buffer, format: ImageFormat, maxPixels: number): Promise<Source> {
  if (format === 'heic') {
    const image = await decodeHeic(bytes, maxPixels);
    const raw = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    const open = (): Sharp => sharp(raw, { raw: { width: image.width, height: image.height, channels: 4 }, limitInputPixels: maxPixels }).greyscale();
    // heic-decode gives pixels only, not the EXIF block.
    return { open, width: image.width, height: image.height, takenOn: null };
  }
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw asUnreadable(error);
  }
  const { width: storedWidth = 0, height: storedHeight = 0 } = metadata;
  if (storedWidth * storedHeight > maxPixels) throw imageTooLarge(storedWidth, storedHeight, maxPixels);
  if (storedWidth * storedHeight === 0) throw new UnreadableDocumentError('corrupt', 'The image has no pixels: the file is damaged.');
  const open = (): Sharp => sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' }).rotate().greyscale();
  // EXIF orientations 5–8 turn the image a quarter.
  const turned = (metadata.orientation ?? 1) >= 5;
  const width = turned ? storedHeight : storedWidth;
  const height = turned ? storedWidth : storedHeight;
  return { open, width, height, takenOn: captureDay(metadata.exif) };
}

function clampRegion(region: Region, bounds: { width: number; height: number }): Region {
  const left = Math.min(region.left, bounds.width - 1);
  const top = Math.min(region.top, bounds.height - 1);
  return { left, top, width: Math.min(region.width, bounds.width - left), height: Math.min(region.height, bounds.height - top) };
}

function outputScale(characterHeight: number, region: Region): number {
  let scale = 1;
  if (characterHeight > 0 && characterHeight < SMALL_TEXT) scale = Math.min(MAX_SCALE, SMALL_TEXT_TARGET / characterHeight);
  if (characterHeight > LARGE_TEXT) scale = LARGE_TEXT_TARGET / characterHeight;
  const pixels = region.width * region.height * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
  return scale;
}

async function toGrey(pipeline: Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

function scaleRegion(region: Region, factor: number): Region {
  return {
    left: Math.floor(region.left * factor),
    top: Math.floor(region.top * factor),
    width: Math.max(1, Math.floor(region.width * factor)),
    height: Math.max(1, Math.floor(region.height * factor)),
  };
}

function asUnreadable(error: unknown): Error {
  if (error instanceof UnreadableDocumentError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new UnreadableDocumentError('too_large', 'The image has too many pixels to be read.', { cause: error });
  return new UnreadableDocumentError('corrupt', 'The image cannot be decoded: the file is damaged or incomplete.', { cause: error });
}
