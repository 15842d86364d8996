import path from 'node:path';
import { LocalNatsServer } from './nats';
import { freePort, waitFor } from './ports';

export interface NatsClusterOptions {
  /** Each server keeps its JetStream store under `<dataDir>/<server name>`. */
  dataDir: string;
  /** Servers in the cluster (3 for R3 streams that survive losing one). */
  size?: number;
  /** The same configuration (users and permissions) for every server. */
  config?: string;
  /** Each server logs to `<logDir>/<server name>.log`. */
  logDir?: string;
  name?: string;
}

/**
 * A JetStream cluster of local nats-server processes joined by routes: each its own client, route
 * and monitoring port and its own store, as the pods of a StatefulSet would be.
 */
export class LocalNatsCluster {
  private constructor(readonly servers: LocalNatsServer[]) {}

  static async start(options: NatsClusterOptions): Promise<LocalNatsCluster> {
    const size = options.size ?? 3;
    const name = options.name ?? 'irp';
    const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()));
    const routes = routePorts.map((port) => `nats://127.0.0.1:${port}`);
    const servers = await Promise.all(
      routePorts.map(async (port, index) => {
        const serverName = `${name}-nats-${index}`;
        return LocalNatsServer.start({
          dataDir: path.join(options.dataDir, serverName),
          port: await freePort(),
          monitorPort: await freePort(),
          config: options.config,
          logFile: options.logDir && path.join(options.logDir, `${serverName}.log`),
          cluster: { name, serverName, port, routes: routes.filter((_, other) => other !== index) },
        });
      }),
    );
    const cluster = new LocalNatsCluster(servers);
    await cluster.waitUntilHealthy();
    return cluster;
  }

  /** Every server's client URL, comma-separated: what NATS_URL takes. */
  get url(): string {
    return this.servers.map((server) => server.url).join(',');
  }

  /** Waits until every running server reports JetStream healthy (a meta leader elected, streams current). */
  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    for (const server of this.servers.filter((s) => s.running)) {
      await waitFor(`${server.url} to report JetStream healthy`, async () => (await fetch(`${server.monitorUrl}/healthz`, { signal: AbortSignal.timeout(1000) })).ok, timeoutMs);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop()));
  }
}
