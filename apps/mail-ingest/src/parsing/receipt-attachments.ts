import sharp from 'sharp';
import type { Attachment } from 'mailparser';
import { UPLOAD_MIME_TYPES, type DocumentMimeType } from '@irp/contracts';

/** Images smaller than this are logos, signatures and tracking pixels, not receipts. */
const MIN_IMAGE_BYTES = 8 * 1024;
/** …and so are images with a side shorter than this. */
const MIN_IMAGE_SIDE = 200;
/** A mail with more parts than this is not someone's receipt: the rest is ignored. */
export const MAX_PARTS = 20;

export interface ReceiptPart {
  fileName: string | null;
  mimeType: DocumentMimeType;
  bytes: Buffer;
}

/**
 * The attachments that are receipts or invoices: PDFs and photos, whether attached or inline
 * (some mailers mark a PDF `inline`). The type is read from the bytes, never the header; small
 * images are decoration.
 */
export async function receiptAttachments(attachments: readonly Attachment[]): Promise<ReceiptPart[]> {
  const { fileTypeFromBuffer } = await import('file-type');
  const parts: ReceiptPart[] = [];
  for (const attachment of attachments) {
    if (parts.length >= MAX_PARTS) break;
    const bytes = attachment.content;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) continue;
    const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
    const mimeType = UPLOAD_MIME_TYPES.find((type) => type === sniffed || (type === 'image/heic' && sniffed === 'image/heif'));
    if (!mimeType) continue;
    if (mimeType.startsWith('image/') && (await isDecoration(bytes))) continue;
    parts.push({ fileName: attachment.filename ?? null, mimeType, bytes });
  }
  return parts;
}

async function isDecoration(bytes: Buffer): Promise<boolean> {
  if (bytes.length < MIN_IMAGE_BYTES) return true;
  // Header only: dimensions without decoding.
  const { width, height } = await sharp(bytes, { limitInputPixels: false, failOn: 'none' })
    .metadata()
    .catch(() => ({ width: undefined, height: undefined }));
  return width !== undefined && height !== undefined && Math.min(width, height) < MIN_IMAGE_SIDE;
}
