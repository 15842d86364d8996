import { imageTooLarge, UnreadableDocumentError } from '../unreadable-document.error';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The first image of a HEIC/HEIF file as RGBA pixels (sharp's prebuilt libvips has no HEVC
 * decoder). The size is checked before the pixels are decoded.
 */
export async function decodeHeic(bytes: Buffer, maxPixels: number): Promise<RgbaImage> {
  const { default: decode } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch (error) {
    throw new UnreadableDocumentError('corrupt', 'The HEIC image cannot be decoded: the file is damaged or incomplete.', { cause: error });
  }
  try {
    const first = images[0];
    if (first.width * first.height > maxPixels) {
      throw imageTooLarge(first.width, first.height, maxPixels);
    }
    return await first.decode();
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError('corrupt', 'The HEIC image cannot be decoded: the file is damaged or incomplete.', { cause: error });
  } finally {
    images.dispose();
  }
}
