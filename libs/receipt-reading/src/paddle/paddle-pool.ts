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
/** Threads running a model now (a page posted, its answer not yet back). */
const busyWorkers = new WeakSet<Worker>();
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
    await Promise.all(
      this.threads.splice(0).map((thread) => {
        this.finish(thread, (job) => job.reject(new Error('the Paddle pool is terminated')));
        return retire(thread.worker);
      }),
    );
  }

  private attach(worker: Worker): Thread {
    const thread: Thread = { worker, job: null };
    worker.on('message', (message: PaddleResponse) => {
      busyWorkers.delete(worker);
      if (!('id' in message) || thread.job?.id !== message.id) return;
      if ('page' in message) this.finish(thread, (job) => job.resolve(message.page));
      else this.finish(thread, (job) => job.reject(new Error(`Paddle OCR failed: ${message.error}`)));
      this.dispatch();
    });
    const dead = (error: Error) => {
      busyWorkers.delete(worker);
      void this.replace(thread, error);
    };
    worker.on('error', dead);
    worker.on('exit', () => dead(new Error('the Paddle thread exited')));
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      const id = this.nextId++;
      const timer = setTimeout(() => void this.replace(thread, new Error(`Paddle OCR took longer than ${this.jobTimeoutMs} ms`)), this.jobTimeoutMs);
      thread.job = { ...job, id, timer };
      busyWorkers.add(thread.worker);
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
    this.finish(thread, (job) => job.reject(error));
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    void retire(thread.worker);
    const worker = await startThread(this.threadData).catch(() => null);
    if (worker && !this.terminated) this.threads.push(this.attach(worker));
    else if (worker) void retire(worker);
    this.dispatch();
  }

  /** The caller stops waiting; a page already on a thread finishes there in the background. */
  private abort(job: Job, reason: Error): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    job.reject(reason);
  }
}

/**
 * Ends a thread once no model runs in it. Terminating a thread while onnxruntime-node is in the
 * middle of a run aborts the whole process (its native callback throws into a torn-down
 * environment), so a thread that is still reading a page, say one that took too long, is let
 * finish that page (its answer is no longer wanted) and terminated then.
 */
async function retire(worker: Worker): Promise<void> {
  // Only the pool's listeners: Node's own keep the thread's messages flowing.
  for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
  if (busyWorkers.has(worker)) {
    worker.unref(); // a page that never ends does not keep the process alive
    await new Promise<void>((resolve) => {
      worker.once('message', resolve).once('error', resolve).once('exit', resolve);
    });
    busyWorkers.delete(worker);
  }
  await worker.terminate().catch(() => undefined);
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
