import { createWorker, OEM, PSM, type Page, type RecognizeOptions, type Worker } from 'tesseract.js';
import { quietWorkerUrl } from './quiet-worker';
import { LEGACY_MODEL_FOLDERS, traineddataDirectory } from './traineddata';

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

/**
 * `lstm` reads best; `legacy` (Tesseract's older character classifier) reads worse but errs
 * differently, so its reading of a line is a second opinion.
 */
export type OcrEngine = 'lstm' | 'legacy';

export interface OcrJobOptions {
  /** Defaults to `lstm`. */
  engine?: OcrEngine;
  /** Called with the fraction (0–1) of recognition done. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Tesseract page segmentation mode for this job only (defaults: 6, one block; legacy 7, one line). */
  pageSegmentationMode?: PSM;
}

export interface OcrPoolOptions {
  workers: number;
  languages: readonly string[];
  /** Legacy-engine workers (about 130 MB each); none when a language's package has no legacy model. */
  legacyWorkers?: number;
  /** A job running longer is abandoned and its worker replaced, so a stuck page never hangs the pool. */
  jobTimeoutMs?: number;
  /** The worker threads' script: tesseract.js's own by default (tests give one that hangs). */
  workerScript?: string;
}

interface Job {
  image: Buffer;
  options: OcrJobOptions;
  resolve: (page: OcrPage) => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

interface Slot {
  engine: OcrEngine;
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
    private readonly langPaths: Readonly<Record<OcrEngine, string | null>>,
    private readonly languages: readonly string[],
    private readonly jobTimeoutMs: number,
    private readonly workerUrl: URL,
  ) {}

  static async create(options: OcrPoolOptions): Promise<OcrPool> {
    const lstm = await traineddataDirectory(options.languages);
    const legacy = options.legacyWorkers ? await traineddataDirectory(options.languages, LEGACY_MODEL_FOLDERS).catch(() => null) : null;
    const pool = new OcrPool({ lstm, legacy }, options.languages, options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, quietWorkerUrl(options.workerScript));
    const slot = (engine: OcrEngine) => (): Slot => ({ engine, worker: null, job: null });
    const slots = [
      ...Array.from({ length: Math.max(1, options.workers) }, slot('lstm')),
      ...Array.from({ length: legacy ? (options.legacyWorkers ?? 0) : 0 }, slot('legacy')),
    ];
    pool.slots.push(...slots);
    await Promise.all(slots.map(async (s) => (s.worker = await pool.spawn(s))));
    return pool;
  }

  /** LSTM workers: pages read at once. */
  get size(): number {
    return this.slots.filter((slot) => slot.engine === 'lstm').length;
  }

  get hasLegacy(): boolean {
    return this.slots.some((slot) => slot.engine === 'legacy');
  }

  recognize(image: Buffer, options: OcrJobOptions = {}): Promise<OcrPage> {
    if (this.terminated) return Promise.reject(new Error('the OCR pool is terminated'));
    options.signal?.throwIfAborted();
    if (options.engine === 'legacy' && !this.hasLegacy) return Promise.reject(new Error('the OCR pool has no legacy engine'));
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
    const legacy = slot.engine === 'legacy';
    const worker = await createWorker([...this.languages], legacy ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY, {
      langPath: this.langPaths[slot.engine] ?? undefined,
      // tesseract.js hands the path to worker_threads as it is, and a URL is a path there.
      workerPath: this.workerUrl as unknown as string,
      gzip: true,
      // The default cache writes <lang>.traineddata into the working directory and prefers it later.
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') slot.job?.options.onProgress?.(message.progress);
      },
      // Without a handler, tesseract.js throws from its message listener and takes the process down.
      errorHandler: () => undefined,
    });
    // Receipts read best as one uniform block of text; the legacy engine only re-reads lines.
    // Tesseract's diagnostics ("Image too small to scale!!") would otherwise go to the process's stderr.
    await worker.setParameters({
      tessedit_pageseg_mode: legacy ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
      debug_file: '/dev/null',
      // The legacy classifier otherwise adapts to every line it reads: a reading would depend on
      // whichever documents (any user's) the worker read before. Each document is read on its own.
      ...(legacy && { classify_enable_learning: '0' }),
    });
    return worker;
  }

  /** Oldest job first, on a free worker of its engine; at most `size` run at once, whichever the engine, so the pool uses the cores it was given. */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length; i++) {
      if (this.slots.filter((slot) => slot.job).length >= this.size) return;
      const job = this.queue[i];
      const slot = this.slots.find((s) => !s.job && s.worker && s.engine === (job.options.engine ?? 'lstm'));
      if (!slot?.worker) continue;
      this.queue.splice(i--, 1);
      void this.run(slot, slot.worker, job);
    }
  }

  private async run(slot: Slot, worker: Worker, job: Job): Promise<void> {
    slot.job = job;
    // Raced, not awaited: a worker whose thread died or hangs never answers, and must not hold its slot.
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), this.jobTimeoutMs)));
    const recognized = worker.recognize(job.image, jobParameters(job.options), { text: true, blocks: true }).then(
      (result) => () => job.resolve(toOcrPage(result.data)),
      (error: unknown) => () => job.reject(error instanceof Error ? error : new Error(String(error))),
    );
    const outcome = await Promise.race([recognized, timedOut]);
    clearTimeout(timer);
    slot.job = null;
    if (outcome === 'timed out') {
      settle(job, () => job.reject(new Error(`OCR took longer than ${this.jobTimeoutMs} ms`)));
      await this.replace(slot, worker);
    } else {
      settle(job, outcome);
    }
    if (!this.terminated) this.dispatch();
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
