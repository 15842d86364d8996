import { UnreadableDocumentError } from '../unreadable-document.error';
import { textLayerLines, type TextItemLike } from './text-layer';

export interface PdfLimits {
  maxPages: number;
  /** Rendered pages are scaled down to at most this many pixels. */
  maxRenderPixels: number;
  /** Rendering a page longer than this gives up on the document (a PDF bomb). */
  renderTimeoutMs: number;
}

export interface RenderedPage {
  /** RGBA pixels. */
  data: Uint8Array;
  width: number;
  height: number;
}

/** Below this many characters a page's text layer is empty or a stray footer: the page is OCR'd. */
const MIN_TEXT_LAYER_CHARACTERS = 20;
/** 200 dpi: receipt text is read well and an A4 page stays under 4 megapixels. */
const RENDER_SCALE = 200 / 72;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type LoadingTask = ReturnType<PdfJs['getDocument']>;
type PdfDocumentProxy = Awaited<LoadingTask['promise']>;
type RenderParameters = Parameters<Awaited<ReturnType<PdfDocumentProxy['getPage']>>['render']>[0];

/** An open PDF: each page's text layer, and a rendering of the pages that have none. */
export class PdfDocument {
  private constructor(
    private readonly task: LoadingTask,
    private readonly document: PdfDocumentProxy,
    private readonly limits: PdfLimits,
  ) {}

  static async open(bytes: Buffer, limits: PdfLimits): Promise<PdfDocument> {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      maxImageSize: limits.maxRenderPixels,
      canvasMaxAreaInBytes: limits.maxRenderPixels * 4,
      stopAtErrors: false,
    });
    let document: PdfDocumentProxy;
    try {
      document = await task.promise;
    } catch (error) {
      await task.destroy().catch(() => undefined);
      throw openError(error);
    }
    const pdf = new PdfDocument(task, document, limits);
    if (document.numPages > limits.maxPages) {
      await pdf.close();
      throw new UnreadableDocumentError('too_many_pages', `The PDF has ${document.numPages} pages; documents of up to ${limits.maxPages} pages can be read.`);
    }
    return pdf;
  }

  get pageCount(): number {
    return this.document.numPages;
  }

  /** The page's text from its text layer, or null when it has (almost) none and must be OCR'd. */
  async pageText(pageNumber: number): Promise<string | null> {
    const page = await this.document.getPage(pageNumber);
    try {
      const content = await page.getTextContent();
      const text = textLayerLines(content.items as TextItemLike[]).join('\n');
      return text.replace(/\s/g, '').length >= MIN_TEXT_LAYER_CHARACTERS ? text : null;
    } finally {
      page.cleanup();
    }
  }

  async renderPage(pageNumber: number): Promise<RenderedPage> {
    const { createCanvas } = await import('@napi-rs/canvas');
    const page = await this.document.getPage(pageNumber);
    try {
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.sqrt(this.limits.maxRenderPixels / Math.max(1, natural.width * natural.height));
      const viewport = page.getViewport({ scale: Math.min(RENDER_SCALE, fit) });
      const width = Math.max(1, Math.floor(viewport.width));
      const height = Math.max(1, Math.floor(viewport.height));
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      // @napi-rs/canvas is the canvas pdf.js itself uses in Node; its types are not the DOM's.
      const task = page.render({
        canvas: canvas as unknown as RenderParameters['canvas'],
        canvasContext: context as unknown as RenderParameters['canvasContext'],
        viewport,
      });
      const timer = setTimeout(() => task.cancel(), this.limits.renderTimeoutMs);
      try {
        await task.promise;
      } catch (error) {
        throw new UnreadableDocumentError('corrupt', `Page ${pageNumber} of the PDF cannot be drawn: it is damaged or too complex.`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
      const pixels = context.getImageData(0, 0, width, height).data;
      return { data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength), width, height };
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    await this.task.destroy().catch(() => undefined);
  }
}

function openError(error: unknown): UnreadableDocumentError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new UnreadableDocumentError('encrypted', 'The PDF is protected by a password; send it without the password.', { cause: error });
  }
  return new UnreadableDocumentError('corrupt', 'The PDF cannot be opened: the file is damaged or not a PDF.', { cause: error });
}
