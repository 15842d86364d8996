import {
  Inject,
  Injectable,
  Module,
  ServiceUnavailableException,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getLogger } from './logger';
import { metricsRegistry } from './metrics';

/** A dependency the service cannot serve without (database, NATS): checked by /health/ready. */
export interface ReadinessCheck {
  readonly name: string;
  check(signal: AbortSignal): Promise<void>;
}

export interface OpsOptions {
  port: number;
  host: string;
  checks: Type<ReadinessCheck>[];
  checkTimeoutMs?: number;
}

const OPS_OPTIONS = Symbol('OPS_OPTIONS');

/**
 * The ops port: /health/live, /health/ready and /metrics on a plain HTTP server of its own, apart
 * from the API, so probes and scrapes work the same on every service, HTTP-facing or not.
 */
@Injectable()
export class OpsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger(OpsServer.name);
  private server?: Server;
  private shuttingDown = false;
  private checks: ReadinessCheck[] = [];

  constructor(
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
    private readonly moduleRef: ModuleRef,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** The address it listens on (useful when the port was 0). */
  get url(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.checks = this.options.checks.map((type) => this.moduleRef.get(type, { strict: false }));
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject).listen(this.options.port, this.options.host, resolve);
    });
    this.log.info({ url: this.url }, 'ops server listening');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true; // readiness fails first, so traffic drains before we stop
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, { message: 'only GET is supported' });
    switch (path) {
      case '/health/live':
        return send(res, 200, { status: 'ok' });
      case '/health/ready':
        return this.ready(res);
      case '/metrics':
        res.writeHead(200, { 'content-type': metricsRegistry.contentType });
        return void res.end(await metricsRegistry.metrics());
      default:
        return send(res, 404, { message: 'not found' });
    }
  }

  private async ready(res: ServerResponse): Promise<void> {
    if (this.shuttingDown) return send(res, 503, { status: 'error', error: { shutdown: { status: 'down' } } });
    const timeout = this.options.checkTimeoutMs ?? 2000;
    try {
      const result = await this.health.check(
        this.checks.map((check) => () =>
          this.indicators
            .check(check.name)
            .attempt(({ signal }) => check.check(signal))
            .withTimeout(timeout),
        ),
      );
      send(res, 200, result);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return send(res, 503, error.getResponse());
      this.log.error({ err: error }, 'readiness check failed unexpectedly');
      send(res, 503, { status: 'error' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

@Module({})
export class OpsModule {
  static forRoot(options: OpsOptions): DynamicModule {
    return {
      module: OpsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [{ provide: OPS_OPTIONS, useValue: options }, OpsServer],
      exports: [OpsServer],
    };
  }
}
