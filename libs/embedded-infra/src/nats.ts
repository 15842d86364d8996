import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GuardedProcess } from './guardian';
import { freePort, isPortOpen, waitFor } from './ports';

export interface NatsOptions {
  /** JetStream storage; kept across restarts. */
  dataDir: string;
  port?: number;
  logFile?: string;
  /** Server configuration (the bus's users and permissions); written beside the data, mode 600. */
  config?: string;
  /** Joins a JetStream cluster: the server's unique name, its route port and every member's route URL. */
  cluster?: NatsClusterMembership;
  /** HTTP monitoring port (/healthz, /jsz); off when unset. */
  monitorPort?: number;
}

export interface NatsClusterMembership {
  name: string;
  serverName: string;
  port: number;
  routes: readonly string[];
}

function clusterArgs(cluster: NatsClusterMembership | undefined): string[] {
  if (!cluster) return [];
  return ['--name', cluster.serverName, '--cluster_name', cluster.name, '--cluster', `nats://127.0.0.1:${cluster.port}`, '--routes', cluster.routes.join(',')];
}

const INSTALL_HINT =
  'nats-server was not found on PATH, in /usr/sbin or /usr/bin. Install it: `apt-get install nats-server` ' +
  '(Debian/Ubuntu) or download it from https://github.com/nats-io/nats-server/releases.';

/** Where the nats-server binary is: PATH first, then Debian's install location. */
export function findNatsServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, 'nats-server')).find((candidate) => existsSync(candidate));
}

/** A nats-server with JetStream, on 127.0.0.1 only. */
export class LocalNatsServer {
  private process?: GuardedProcess;

  private constructor(
    private readonly options: NatsOptions & { port: number },
    private readonly binary: string,
  ) {}

  static async start(options: NatsOptions): Promise<LocalNatsServer> {
    const binary = findNatsServer();
    if (!binary) throw new Error(INSTALL_HINT);
    const server = new LocalNatsServer({ ...options, port: options.port ?? (await freePort()) }, binary);
    await server.start();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.options.port}`;
  }

  get port(): number {
    return this.options.port;
  }

  /** Its name in the cluster; undefined when it runs alone. */
  get name(): string | undefined {
    return this.options.cluster?.serverName;
  }

  get monitorUrl(): string | undefined {
    return this.options.monitorPort ? `http://127.0.0.1:${this.options.monitorPort}` : undefined;
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  get pid(): number | undefined {
    return this.process?.child.pid;
  }

  async start(): Promise<void> {
    if (this.process?.running) return;
    await mkdir(this.options.dataDir, { recursive: true });
    const configArgs: string[] = [];
    if (this.options.config) {
      const file = path.join(this.options.dataDir, 'nats-server.conf');
      await writeFile(file, this.options.config, { mode: 0o600 });
      configArgs.push('-c', file);
    }
    const output = this.options.logFile ? openSync(this.options.logFile, 'a') : 'ignore';
    this.process = GuardedProcess.spawn({
      command: this.binary,
      args: [
        ...configArgs,
        ...['-js', '-sd', this.options.dataDir, '-a', '127.0.0.1', '-p', String(this.options.port)],
        ...clusterArgs(this.options.cluster),
        ...(this.options.monitorPort ? ['-m', String(this.options.monitorPort)] : []),
      ],
      stopSignal: 'SIGTERM',
      output,
    });
    if (typeof output === 'number') closeSync(output); // the server has its own copy
    const started = this.process;
    await waitFor(`nats-server on port ${this.options.port}`, async () => {
      if (!started.running) throw new Error(`nats-server exited at start; see ${this.options.logFile ?? 'its log'}`);
      return isPortOpen(this.options.port);
    });
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }
}
