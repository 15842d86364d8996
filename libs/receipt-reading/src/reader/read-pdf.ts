import { PdfDocument } from '../pdf/pdf-document';
import type { ReadContext } from './read-context';
import { readRenderedPage } from './read-rendered-page';
import type { ReadText } from './read-options';

/**
 * A PDF as one document: each page's text layer when it has one (no OCR, fast), otherwise the
 * page rendered and OCR'd. Pages are separated by form feeds.
 */
export async function readPdf(bytes: Buffer, context: ReadContext): Promise<ReadText> {
  const { limits, progress, signal } = context;
  const pdf = await PdfDocument.open(bytes, limits);
  try {
    const pages: string[] = [];
    let ocrPages = 0;
    const count = pdf.pageCount;
    for (let number = 1; number <= count; number++) {
      signal?.throwIfAborted();
      const from = 5 + (90 * (number - 1)) / count;
      const to = 5 + (90 * number) / count;
      const layer = await pdf.pageText(number);
      if (layer !== null) {
        pages.push(layer);
      } else {
        const rendered = await pdf.renderPage(number);
        pages.push(await readRenderedPage(rendered, context, from, to));
        ocrPages++;
      }
      progress.report(from, to);
    }
    const source = ocrPages === 0 ? 'pdf-text' : ocrPages === count ? 'ocr' : 'mixed';
    return { text: pages.join('\n\f\n'), pages: count, source };
  } finally {
    await pdf.close();
  }
}
