import { PayloadTooLargeException, UnprocessableEntityException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { UPLOAD_MIME_TYPES, type DocumentMimeType } from '@irp/contracts';

/** Enough of the file to know its type and, for images, its dimensions (headers, EXIF included). */
const HEAD_BYTES = 512 * 1024;

export interface InspectedUpload {
  mimeType: DocumentMimeType;
  /** The whole upload again: the head already read, then the rest as it arrives. */
  bytes: AsyncIterable<Uint8Array>;
}

/**
 * Looks at the first bytes of an upload while it streams: the real type from magic numbers (not
 * the name or Content-Type), and for images the pixel count from the header, so a decompression
 * bomb is refused before anything is stored or decoded.
 */
export async function inspectUpload(stream: AsyncIterable<Uint8Array>, limits: { maxBytes: number; maxPixels: number }): Promise<InspectedUpload> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(Buffer.from(next.value));
    headSize += next.value.byteLength;
    if (headSize > limits.maxBytes) throw new PayloadTooLargeException(`the file is larger than ${limits.maxBytes} bytes`);
  }
  const headBuffer = Buffer.concat(head);
  if (headBuffer.length === 0) throw new UnprocessableEntityException('the upload is empty');

  const detected = await fileTypeFromBuffer(headBuffer);
  const mimeType = UPLOAD_MIME_TYPES.find((type) => type === detected?.mime || (type === 'image/heic' && detected?.mime === 'image/heif'));
  if (!mimeType) {
    throw new UnsupportedMediaTypeException(
      `the file is ${detected ? detected.mime : 'of an unknown type'}; send JPEG, PNG, WebP, TIFF, HEIC/HEIF or PDF (the type is read from the bytes, not the name)`,
    );
  }
  if (mimeType.startsWith('image/') && mimeType !== 'image/heic' && mimeType !== 'image/heif') await checkPixels(headBuffer, limits.maxPixels);

  async function* bytes(): AsyncGenerator<Uint8Array> {
    yield headBuffer;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { mimeType, bytes: bytes() };
}

async function checkPixels(head: Buffer, maxPixels: number): Promise<void> {
  // Header only: sharp reads dimensions without decoding; no limit here, we compare ourselves.
  const { width, height } = await sharp(head, { limitInputPixels: false, failOn: 'none' })
    .metadata()
    .catch(() => ({ width: undefined, height: undefined }));
  if (width && height && width * height > maxPixels) {
    throw new UnprocessableEntityException(`the image is ${width} × ${height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are accepted`);
  }
}
