import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BACKEND_LOST_HEADER } from './round-robin-proxy';
import { receiptPdf } from './receipts';

export interface LoadOptions {
  /** The API root, e.g. http://127.0.0.1:4000/api/v1. */
  apiUrl: string;
  /** Tags this run's vendors and e-mail addresses. */
  run: string;
  users: number;
  uploadsPerSecond: number;
  expenseWritesPerSecond: number;
  /** A client gives up on an operation after retrying this long. */
  retryForMs?: number;
}

/** One HTTP attempt: its status (0: no answer at all), and whether the proxy saw its gateway die. */
export interface Attempt {
  status: number;
  backendLost: boolean;
  /** When it was answered (epoch ms). */
  at: number;
  /** The start of a 5xx answer's body (its problem code and detail), or the network error. */
  detail?: string;
}

/** One thing a client wanted done (an upload, an expense write), with its retries under one Idempotency-Key. */
export interface Operation {
  kind: 'upload' | 'expense';
  user: number;
  key: string;
  attempts: Attempt[];
  /** The document or expense id of the 2xx answer. */
  acceptedId?: string;
  /** A 4xx that retrying cannot change. */
  refused?: number;
}

interface User {
  userId: string;
  token: string;
}

const PASSWORD = 'scale out load password';
/** Answers a client retries with the same key: the platform may be recovering (409: the first attempt is still in progress). */
const RETRIED = new Set([0, 409, 429, 500, 502, 503, 504]);

/**
 * A steady open-loop load of uploads (unique PDFs) and expense writes through the gateway, as well
 * behaved clients send it: each operation carries an Idempotency-Key and is retried with it on a
 * network error, a 5xx or a 409 until accepted, refused, or retryForMs passes.
 */
export class LoadGenerator {
  readonly operations: Operation[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private uploads = 0;

  private constructor(
    private readonly options: Required<LoadOptions>,
    readonly users: User[],
  ) {}

  static async start(options: LoadOptions): Promise<LoadGenerator> {
    const users: User[] = [];
    for (let index = 0; index < options.users; index++) users.push(await register(options.apiUrl, `load-${options.run}-${index}@example.com`));
    const load = new LoadGenerator({ retryForMs: 60_000, ...options }, users);
    load.every(options.uploadsPerSecond, () => load.upload());
    load.every(options.expenseWritesPerSecond, () => load.writeExpense());
    return load;
  }

  /** Stops sending new operations and waits for those under way (their retries included). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private every(perSecond: number, operation: () => Promise<void>): void {
    if (perSecond <= 0) return;
    this.timers.push(
      setInterval(() => {
        const task = operation().finally(() => this.pending.delete(task));
        this.pending.add(task);
      }, 1000 / perSecond),
    );
  }

  private async upload(): Promise<void> {
    const n = this.uploads++;
    const body = await receiptPdf(n, this.options.run);
    await this.perform('upload', n, { path: '/documents', body: new Uint8Array(body), contentType: 'application/pdf' });
  }

  private async writeExpense(): Promise<void> {
    const n = this.operations.length;
    const body = JSON.stringify({ vendor: `Load ${this.options.run} ${n}`, date: '2026-03-14', amount: `${1 + (n % 500)}.25`, currency: 'EUR', category: 'meals' });
    await this.perform('expense', n, { path: '/expenses', body, contentType: 'application/json' });
  }

  private async perform(kind: Operation['kind'], n: number, request: { path: string; body: Uint8Array | string; contentType: string }): Promise<void> {
    const user = n % this.users.length;
    const operation: Operation = { kind, user, key: randomUUID(), attempts: [] };
    this.operations.push(operation);
    const deadline = Date.now() + this.options.retryForMs;
    for (let attempt = 1; ; attempt++) {
      const answer = await send(`${this.options.apiUrl}${request.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.users[user].token}`, 'content-type': request.contentType, 'idempotency-key': operation.key },
        body: request.body,
      });
      operation.attempts.push({ status: answer.status, backendLost: answer.backendLost, at: Date.now(), detail: answer.detail });
      if (answer.status >= 200 && answer.status < 300) {
        operation.acceptedId = answer.id;
        return;
      }
      if (!RETRIED.has(answer.status)) {
        operation.refused = answer.status;
        return;
      }
      if (Date.now() > deadline) return;
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  }
}

async function send(url: string, init: RequestInit): Promise<{ status: number; backendLost: boolean; id?: string; detail?: string }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    const id = response.ok ? (JSON.parse(text) as { id?: string }).id : undefined;
    return { status: response.status, backendLost: response.headers.has(BACKEND_LOST_HEADER), id, detail: response.status >= 500 ? text.slice(0, 300) : undefined };
  } catch (error) {
    return { status: 0, backendLost: false, detail: (error as Error).message };
  }
}

async function register(apiUrl: string, email: string): Promise<User> {
  const post = (path: string, body: unknown) => fetch(`${apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const registered = await post('/auth/register', { email, password: PASSWORD });
  if (registered.status !== 201) throw new Error(`registering ${email} failed: ${registered.status} ${await registered.text()}`);
  const { id } = (await registered.json()) as { id: string };
  const login = await post('/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`logging in ${email} failed: ${login.status} ${await login.text()}`);
  return { userId: id, token: ((await login.json()) as { accessToken: string }).accessToken };
}
