import type { ExtractedFields } from '@irp/contracts';

export interface ReadOptions {
  /** The type the sender declared; the content decides, this only words the error when it is wrong. */
  mimeType: string;
  /** BCP 47 locale of the document or its owner: day/month order, decimal comma, which dollar "$" is. */
  locale?: string;
  /** Whole percents, 0–100, increasing. */
  onProgress?: (percent: number) => void;
  /** Aborting rejects the read with the signal's reason; a page already in OCR finishes in the background. */
  signal?: AbortSignal;
}

export interface ReadLimits {
  /** Images (and rendered pages) above this are refused before decoding. */
  maxImagePixels: number;
  maxPages: number;
  /** Pages without a text layer are rendered at most this large for OCR. */
  maxRenderPixels: number;
  renderTimeoutMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxImagePixels: 50_000_000,
  maxPages: 20,
  maxRenderPixels: 12_000_000,
  renderTimeoutMs: 30_000,
};

/** What reading produced: the text, and the fields when reading already extracted them. */
export interface ReadText {
  /** Pages separated by form feeds. */
  text: string;
  pages: number;
  source: 'pdf-text' | 'ocr' | 'mixed' | 'text';
  fields?: ExtractedFields;
}
