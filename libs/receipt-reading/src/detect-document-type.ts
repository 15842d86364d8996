import { UnreadableDocumentError } from './unreadable-document.error';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic';
export type TextFormat = 'html' | 'plain';
export type DocumentType = { kind: 'pdf' } | { kind: 'image'; format: ImageFormat } | { kind: 'text'; format: TextFormat };

/** Mail bodies kept as documents: no magic numbers, so the declared type is taken when nothing else is recognised. */
const TEXT_FORMATS: Readonly<Record<string, TextFormat>> = { 'text/html': 'html', 'text/plain': 'plain' };

const BY_MIME: Readonly<Record<string, DocumentType>> = {
  'application/pdf': { kind: 'pdf' },
  'image/jpeg': { kind: 'image', format: 'jpeg' },
  'image/png': { kind: 'image', format: 'png' },
  'image/webp': { kind: 'image', format: 'webp' },
  'image/tiff': { kind: 'image', format: 'tiff' },
  'image/heic': { kind: 'image', format: 'heic' },
  'image/heif': { kind: 'image', format: 'heic' },
};

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'image/tiff': 'TIFF image',
  'image/heic': 'HEIC image',
  'image/heif': 'HEIF image',
};

/**
 * What the bytes are, from their content (the declared type is only a claim). A supported type
 * under another name is read as what it is; bytes that are no supported type are refused.
 */
export async function detectDocumentType(bytes: Uint8Array, declaredMimeType: string): Promise<DocumentType> {
  if (bytes.length === 0) throw new UnreadableDocumentError('empty', 'The file is empty.');
  const declared = declaredMimeType.split(';')[0].trim().toLowerCase();
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(bytes);
  const detected = sniffed ? BY_MIME[sniffed.mime] : undefined;
  if (detected) return detected;
  if (!sniffed && TEXT_FORMATS[declared]) return { kind: 'text', format: TEXT_FORMATS[declared] };
  if (sniffed) {
    throw new UnreadableDocumentError('unsupported_type', `Files of type ${sniffed.mime} are not supported; send a PDF or a JPEG, PNG, WebP, TIFF or HEIC image.`);
  }
  const claimed = DESCRIPTIONS[declared];
  throw new UnreadableDocumentError(
    claimed ? 'corrupt' : 'unsupported_type',
    claimed
      ? `The file is not a valid ${claimed}: its content is damaged or of another kind.`
      : 'The file is not a PDF or a supported image (JPEG, PNG, WebP, TIFF, HEIC).',
  );
}
