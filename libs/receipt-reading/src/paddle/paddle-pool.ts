import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GreyImage, Region } from '../image/grey-image';
import type { OcrPage } from '../ocr/ocr-pool';
import type { PaddleRequest, PaddleResponse, PaddleThreadData } from './paddle-thread';
import { threadScript } from './thread-script';

export interface PaddlePoolOptions {
  /** Threads, each with its own models (about 100 MB): pages read at once. */
  workers: number;
  /** A page taking longer is abandoned and its thread replaced, so a stuck page never hangs the pool. */
  jobTimeoutMs?: number;
  /** Threads of each model run (default 1): the cores beyond one per worker. */
  threadsPerWorker?: number;
}

interface Job {
  image: GreyImage;
  regions?: Region[];
  signal?: AbortSignal;
  resolve: (page: OcrPage) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
}

const DEFAULT_JOB_TIMEOUT_MS = 120_000;
const THREAD_MODULE = path.join(__dirname, `paddle-thread${path.extname(__filename)}`);

/** Warm PaddleOCR threads and a queue: a page at a time per thread, oldest first. */
export class PaddlePool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private terminated = false;

  private constructor(
    private readonly jobTimeoutMs: number,
    private readonly threadData: PaddleThreadData,
  ) {}

  static async create(options: PaddlePoolOptions): Promise<PaddlePool> {
    const pool = new PaddlePool(options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, { threads: Math.max(1, options.threadsPerWorker ?? 1) });
    const workers = await Promise.allSettled(Array.from({ length: Math.max(1, options.workers) }, () => startThread(pool.threadData)));
    pool.threads.push(...workers.flatMap((w) => (w.status === 'fulfilled' ? [pool.attach(w.value)] : [])));
    const failed = workers.find((w) => w.status === 'rejected');
    if (failed) {
      await pool.terminate();
      throw failed.reason;
    }
    return pool;
  }

  get size(): number {
    return this.threads.length;
  }

  /** The page's text lines, boxes in the image's pixels. */
  read(image: GreyImage, signal?: AbortSignal): Promise<OcrPage> {
    return this.enqueue(image, undefined, signal);
  }

  /** Regions of the page (lines another engine found) read as one line each: the lines in the regions' order. */
  readRegions(image: GreyImage, regions: Region[], signal?: AbortSignal): Promise<OcrPage> {
    return this.enqueue(image, regions, signal);
  }

  private enqueue(image: GreyImage, regions: Region[] | undefined, signal?: AbortSignal): Promise<OcrPage> {
    if (this.terminated) return Promise.reject(new Error('the Paddle pool is terminated'));
    signal?.throwIfAborted();
    return new Promise<OcrPage>((resolve, reject) => {
      let settled = false;
      const once = <T>(settle: (value: T) => void) => (value: T) => {
        if (!settled) settle(value);
        settled = true;
      };
      const job: Job = { image, regions, signal, resolve: once(resolve), reject: once(reject) };
      signal?.addEventListener('abort', () => this.abort(job, signal.reason ?? new Error('aborted')), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  async terminate(): Promise<void> {
    this.terminated = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the Paddle pool is terminated'));
    await Promise.all(this.threads.map(async (thread) => {
      this.finish(thread, (job) => job.reject(new Error('the Paddle pool is terminated')));
      await thread.worker.terminate();
    }));
  }

  private attach(worker: Worker): Thread {
    const thread: Thread = { worker, job: null };
    worker.on('message', (message: PaddleResponse) => {
      if (!('id' in message) || thread.job?.id !== message.id) return;
      if ('page' in message) this.finish(thread, (job) => job.resolve(message.page));
      else this.finish(thread, (job) => job.reject(new Error(`Paddle OCR failed: ${message.error}`)));
      this.dispatch();
    });
    worker.on('error', (error) => void this.replace(thread, error));
    worker.on('exit', () => void this.replace(thread, new Error('the Paddle thread exited')));
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      const id = this.nextId++;
      const timer = setTimeout(() => void this.replace(thread, new Error(`Paddle OCR took longer than ${this.jobTimeoutMs} ms`)), this.jobTimeoutMs);
      thread.job = { ...job, id, timer };
      thread.worker.postMessage({ id, image: job.image, regions: job.regions } satisfies PaddleRequest);
    }
  }

  private finish(thread: Thread, settle: (job: Job) => void): void {
    const job = thread.job;
    if (!job) return;
    thread.job = null;
    clearTimeout(job.timer);
    settle(job);
  }

  /** A thread that failed, exited or hung: its page fails, a fresh thread takes its place. */
  private async replace(thread: Thread, error: Error): Promise<void> {
    if (this.terminated) return;
    const failed = thread.worker;
    this.finish(thread, (job) => job.reject(error));
    failed.removeAllListeners();
    await failed.terminate().catch(() => undefined);
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    const worker = await startThread(this.threadData).catch(() => null);
    if (worker && !this.terminated) this.threads.push(this.attach(worker));
    else await worker?.terminate();
    this.dispatch();
  }

  /** The caller stops waiting; a page already on a thread finishes there in the background. */
  private abort(job: Job, reason: Error): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    job.reject(reason);
  }
}

/** A thread with its models loaded, or the reason they could not be. */
function startThread(workerData: PaddleThreadData): Promise<Worker> {
  const worker = new Worker(threadScript(THREAD_MODULE), { eval: true, workerData });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      void worker.terminate();
      reject(error);
    };
    worker.once('error', fail);
    worker.once('message', (message: PaddleResponse) => {
      worker.off('error', fail);
      if ('ready' in message) resolve(worker);
      else fail(new Error(`the Paddle models could not be loaded: ${'failed' in message ? message.failed : 'unexpected message'}`));
    });
  });
}
