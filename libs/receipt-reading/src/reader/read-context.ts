import type { OcrPool } from '../ocr/ocr-pool';
import type { PaddlePool } from '../paddle/paddle-pool';
import type { Progress } from './progress';
import type { ReadLimits } from './read-options';

/** The engines a reader was started with: Tesseract, PaddleOCR, or both. */
export interface OcrEngines {
  tesseract: OcrPool | null;
  paddle: PaddlePool | null;
  /**
   * With both: both read the whole page; Tesseract reads it and Paddle re-reads some of its lines
   * (`paddle-lines`); or Paddle reads it and Tesseract re-reads its header and priced lines
   * (`tesseract-lines`).
   */
  combination: 'pages' | 'paddle-lines' | 'tesseract-lines';
}

/**
 * What reading one document needs. It sits below every reading step (steps import it, it imports
 * none of them), so reading has one direction: engines, then the steps, then their combination.
 */
export interface ReadContext {
  engines: OcrEngines;
  limits: ReadLimits;
  progress: Progress;
  locale?: string;
  signal?: AbortSignal;
}

/** A step that re-reads parts of the page with Tesseract. */
export interface TesseractContext extends Omit<ReadContext, 'engines'> {
  pool: OcrPool;
}
