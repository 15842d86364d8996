/** One line of the document text, with the forms the field finders match against. */
export interface DocumentLine {
  /** Position among the document's non-empty lines. */
  index: number;
  /** Page number, from 1 (pages are separated by form feeds). */
  page: number;
  /** The line with runs of white space collapsed. */
  text: string;
  /** `text` upper-cased, for keyword matching. */
  upper: string;
  /** Other readings of the same printed line (another OCR engine), competing where a value is printed. */
  alternatives?: readonly string[];
}

/** What OCR knows of one non-empty line of the text beyond its characters. */
export interface OcrLineInfo {
  /** Other engines' readings of the line. */
  alternatives?: readonly string[];
}

// Bounds the work on hostile input: receipts and invoices are far below these.
const MAX_TEXT_LENGTH = 200_000;
const MAX_LINE_LENGTH = 500;
const MAX_LINES = 3_000;

/** `ocrLines`: what OCR knows of each non-empty line of `text`, in order. */
export function toDocumentLines(text: string, ocrLines?: readonly OcrLineInfo[]): DocumentLine[] {
  const lines: DocumentLine[] = [];
  const pages = text.slice(0, MAX_TEXT_LENGTH).split('\f');
  for (let p = 0; p < pages.length && lines.length < MAX_LINES; p++) {
    for (const raw of pages[p].split(/\r?\n|\r/)) {
      const cleaned = raw.replace(/[\s\u00a0]+/g, ' ').trim().slice(0, MAX_LINE_LENGTH);
      if (!cleaned) continue;
      const ocr = ocrLines?.[lines.length];
      lines.push({ index: lines.length, page: p + 1, text: cleaned, upper: cleaned.toUpperCase(), ...ocr });
      if (lines.length >= MAX_LINES) break;
    }
  }
  return lines;
}
