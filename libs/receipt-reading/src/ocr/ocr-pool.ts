import { createWorker, OEM, PSM, type Page, type RecognizeOptions, type Worker } from 'tesseract.js';
import { traineddataDirectory } from './traineddata';

export interface OcrLine {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  box: { left: number; top: number; width: number; height: number };
}

export interface OcrPage {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  lines: OcrLine[];
}

export interface OcrJobOptions {
  /** Called with the fraction (0–1) of recognition done. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Tesseract page segmentation mode for this job only (the pool's default is 6, one block). */
  pageSegmentationMode?: PSM;
}

export interface OcrPoolOptions {
  workers: number;
  languages: readonly string[];
  /** A job running longer is abandoned and its worker replaced, so a stuck page never hangs the pool. */
  jobTimeoutMs?: number;
}

interface Job {
  image: Buffer;
  options: OcrJobOptions;
  resolve: (page: OcrPage) => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

const DEFAULT_JOB_TIMEOUT_MS = 120_000;

/**
 * Warm Tesseract workers (each a thread with its own WebAssembly engine and model) and a queue.
 * Fully offline: the models come from the installed @tesseract.js-data packages and nothing is
 * cached to disk. A job's progress goes to its own caller, an aborted job leaves the queue, and
 * a worker that fails or hangs is replaced.
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private terminated = false;

  private constructor(
    private readonly langPath: string,
    private readonly languages: readonly string[],
    private readonly jobTimeoutMs: number,
  ) {}

  static async create(options: OcrPoolOptions): Promise<OcrPool> {
    const langPath = await traineddataDirectory(options.languages);
    const pool = new OcrPool(langPath, options.languages, options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS);
    const slots = Array.from({ length: Math.max(1, options.workers) }, (): Slot => ({ worker: null, job: null }));
    pool.slots.push(...slots);
    await Promise.all(slots.map(async (slot) => (slot.worker = await pool.spawn(slot))));
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  recognize(image: Buffer, options: OcrJobOptions = {}): Promise<OcrPage> {
    if (this.terminated) return Promise.reject(new Error('the OCR pool is terminated'));
    options.signal?.throwIfAborted();
    return new Promise<OcrPage>((resolve, reject) => {
      const job: Job = { image, options, resolve, reject, settled: false };
      options.signal?.addEventListener('abort', () => this.abort(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  async terminate(): Promise<void> {
    this.terminated = true;
    for (const job of this.queue.splice(0)) settle(job, () => job.reject(new Error('the OCR pool is terminated')));
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private async spawn(slot: Slot): Promise<Worker> {
    const worker = await createWorker([...this.languages], OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      // The default cache writes <lang>.traineddata into the working directory and prefers it later.
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') slot.job?.options.onProgress?.(message.progress);
      },
      // Without a handler, tesseract.js throws from its message listener and takes the process down.
      errorHandler: () => undefined,
    });
    // Receipts read best as one uniform block of text.
    // Tesseract's diagnostics ("Image too small to scale!!") would otherwise go to the process's stderr.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, debug_file: '/dev/null' });
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.worker) continue;
      const job = this.queue.shift();
      if (!job) return;
      void this.run(slot, slot.worker, job);
    }
  }

  private async run(slot: Slot, worker: Worker, job: Job): Promise<void> {
    slot.job = job;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      settle(job, () => job.reject(new Error(`OCR took longer than ${this.jobTimeoutMs} ms`)));
    }, this.jobTimeoutMs);
    try {
      const result = await worker.recognize(job.image, jobParameters(job.options), { text: true, blocks: true });
      settle(job, () => job.resolve(toOcrPage(result.data)));
    } catch (error) {
      settle(job, () => job.reject(error instanceof Error ? error : new Error(String(error))));
    } finally {
      clearTimeout(timer);
      slot.job = null;
      if (timedOut) await this.replace(slot, worker);
      if (!this.terminated) this.dispatch();
    }
  }

  private async replace(slot: Slot, worker: Worker): Promise<void> {
    slot.worker = null;
    await worker.terminate().catch(() => undefined);
    if (!this.terminated) slot.worker = await this.spawn(slot).catch(() => null);
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    settle(job, () => job.reject(job.options.signal?.reason ?? new Error('aborted')));
  }
}

/** tesseract.js passes unknown recognize options to Tesseract as parameters for that job only. */
function jobParameters(options: OcrJobOptions): Partial<RecognizeOptions> {
  if (!options.pageSegmentationMode) return {};
  return { tessedit_pageseg_mode: options.pageSegmentationMode } as Partial<RecognizeOptions>;
}

function settle(job: Job, action: () => void): void {
  if (job.settled) return;
  job.settled = true;
  action();
}

function toOcrPage(page: Page): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({ text: line.text.trim(), confidence: line.confidence, box: { left: x0, top: y0, width: x1 - x0, height: y1 - y0 } });
      }
    }
  }
  return { text: page.text, confidence: page.confidence, lines };
}
