import { availableParallelism } from 'node:os';
import type { Extraction } from '@irp/contracts';
import { detectDocumentType } from '../detect-document-type';
import { extractFields } from '../extract/extract-fields';
import { OcrPool } from '../ocr/ocr-pool';
import { PaddlePool } from '../paddle/paddle-pool';
import { DEFAULT_ENGINE_SETTING, usesPaddle, usesTesseract, type EngineSetting } from './engine-setting';
import { Progress } from './progress';
import type { OcrEngines } from './read-context';
import { readImage } from './read-image';
import { DEFAULT_LIMITS, type ReadLimits, type ReadOptions } from './read-options';
import { readPdf } from './read-pdf';
import { readText } from './read-text';
import { UnreadableDocumentError } from '../unreadable-document.error';

/** Fewer letters and digits than this, and there is no receipt to speak of. */
const MIN_READABLE_CHARACTERS = 8;

export interface DocumentReaderOptions {
  /** OCR worker threads; defaults to the number of cores. */
  workers?: number;
  /** Tesseract languages, each from an installed @tesseract.js-data/<lang> package; defaults to ['eng']. */
  languages?: string[];
  limits?: Partial<ReadLimits>;
  /** A legacy-engine worker (about 130 MB) re-reads the total and date lines of unsure receipts; default true. */
  secondOpinion?: boolean;
  /** Which OCR engines read images (see EngineSetting); defaults to DEFAULT_ENGINE_SETTING. */
  engines?: EngineSetting;
}

/** Paddle workers whose line re-reads one Tesseract worker keeps up with. */
const PADDLE_WORKERS_PER_LINE_READER = 3;

/**
 * Reads receipts and invoices (PDF, JPEG, PNG, WebP, TIFF, HEIC, a mail's HTML or text body) into text and fields, with a
 * pool of warm OCR workers. Create once, read many times concurrently, terminate at shutdown.
 */
export class DocumentReader {
  private constructor(
    private readonly engines: OcrEngines,
    private readonly limits: ReadLimits,
  ) {}

  static async create(options: DocumentReaderOptions = {}): Promise<DocumentReader> {
    const workers = options.workers ?? availableParallelism();
    const setting = options.engines ?? DEFAULT_ENGINE_SETTING;
    // One legacy worker serves the pool: its jobs are single lines, a fraction of a page's work.
    // Re-reading Paddle's header and priced lines is such work too (about 0.7 s of a page's 2.7 s):
    // an LSTM worker for every three Paddle workers.
    const linesOnly = setting === 'paddle+tesseract-amounts';
    const [tesseract, paddle] = await Promise.allSettled([
      usesTesseract(setting)
        ? OcrPool.create({
            workers: linesOnly ? Math.ceil(workers / PADDLE_WORKERS_PER_LINE_READER) : workers,
            languages: options.languages ?? ['eng'],
            legacyWorkers: options.secondOpinion === false || linesOnly ? 0 : 1,
          })
        : null,
      // One core per worker, as Tesseract's: a worker's figures are a core's, and workers scale.
      usesPaddle(setting) ? PaddlePool.create({ workers }) : null,
    ]);
    const engines: OcrEngines = {
      tesseract: tesseract.status === 'fulfilled' ? tesseract.value : null,
      paddle: paddle.status === 'fulfilled' ? paddle.value : null,
      combination: setting === 'tesseract+paddle' ? 'paddle-lines' : linesOnly ? 'tesseract-lines' : 'pages',
    };
    const failed = [tesseract, paddle].find((started) => started.status === 'rejected');
    if (failed) {
      await Promise.all([engines.tesseract?.terminate(), engines.paddle?.terminate()]);
      throw failed.reason;
    }
    return new DocumentReader(engines, { ...DEFAULT_LIMITS, ...options.limits });
  }

  /** Documents read at once. */
  get workers(): number {
    return this.engines.paddle?.size ?? this.engines.tesseract?.size ?? 0;
  }

  /**
   * Rejects with UnreadableDocumentError when the document itself is the problem (corrupt,
   * unsupported, too large, encrypted), with the signal's reason when aborted.
   */
  async read(bytes: Buffer, options: ReadOptions): Promise<Extraction> {
    const started = performance.now();
    const { signal, locale } = options;
    signal?.throwIfAborted();
    const progress = new Progress(options.onProgress);
    progress.report(0, 0);
    const type = await detectDocumentType(bytes, options.mimeType);
    progress.report(5, 5);
    const context = { engines: this.engines, limits: this.limits, progress, locale, signal };
    const read =
      type.kind === 'pdf' ? await readPdf(bytes, context) : type.kind === 'text' ? readText(bytes, type.format) : await readImage(bytes, type.format, context);
    signal?.throwIfAborted();
    // A picture of noise (a damaged file libjpeg decoded anyway) or a blank page: nothing to file.
    if ((read.text.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_READABLE_CHARACTERS) {
      throw new UnreadableDocumentError('empty', 'No text could be read from the document: is it damaged, blank, or not a receipt?');
    }
    const fields = read.fields ?? extractFields(read.text, { locale });
    progress.report(100, 100);
    return { fields, text: read.text, pages: read.pages, source: read.source, durationMs: Math.round(performance.now() - started) };
  }

  async terminate(): Promise<void> {
    await Promise.all([this.engines.tesseract?.terminate(), this.engines.paddle?.terminate()]);
  }
}
