import { PdfDocument } from '../pdf/pdf-document';
import type { ReadContext } from './read-context';
import { readRenderedPage } from './read-rendered-page';
import type { ReadText } from './read-options';

/**
 * A PDF as one document: each page's text layer when it has one (no OCR, fast), otherwise the
 * page rendered and read as an image is. Pages are separated by form feeds. A single scanned page
 * keeps the fields its reading extracted (from both engines' readings, as an image's).
 */
export async function readPdf(bytes: Buffer, context: ReadContext): Promise<ReadText> {
  const { limits, progress, signal } = context;
  const pdf = await PdfDocument.open(bytes, limits);
  try {
    const pages: Pick<ReadText, 'text' | 'fields'>[] = [];
    let ocrPages = 0;
    const count = pdf.pageCount;
    for (let number = 1; number <= count; number++) {
      signal?.throwIfAborted();
      const from = 5 + (90 * (number - 1)) / count;
      const to = 5 + (90 * number) / count;
      const layer = await pdf.pageText(number);
      if (layer !== null) {
        pages.push({ text: layer });
      } else {
        pages.push(await readRenderedPage(await pdf.renderPage(number), context, from, to));
        ocrPages++;
      }
      progress.report(from, to);
    }
    const source = ocrPages === 0 ? 'pdf-text' : ocrPages === count ? 'ocr' : 'mixed';
    const text = pages.map((page) => page.text).join('\n\f\n');
    return { text, pages: count, source, fields: count === 1 ? pages[0].fields : undefined };
  } finally {
    await pdf.close();
  }
}
