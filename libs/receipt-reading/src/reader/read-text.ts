import { convert } from 'html-to-text';
import type { TextFormat } from '../detect-document-type';
import { UnreadableDocumentError } from '../unreadable-document.error';
import type { ReadText } from './read-options';

/**
 * A mail body kept as a document (an order confirmation), read as a PDF's text layer is: no OCR.
 * HTML tables become one line per row, so an item and its amount stay together as on a receipt;
 * images and link targets are dropped.
 */
export function readText(bytes: Buffer, format: TextFormat): ReadText {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableDocumentError('corrupt', 'The text is not valid UTF-8.');
  }
  if (decoded.includes('\0')) throw new UnreadableDocumentError('corrupt', 'The file is not text.');
  const text = format === 'html' ? htmlToLines(decoded) : decoded;
  return { text: text.replace(/\r\n?/g, '\n'), pages: 1, source: 'text' };
}

function htmlToLines(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 80 } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  });
}
