import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * Readiness: the API accepts connections. The ops port comes up while the application starts,
 * before the HTTP listener does; without this check a client (or a load balancer) told "ready"
 * could still be refused.
 */
@Injectable()
export class HttpListening {
  readonly name = 'http';

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  check(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    return server?.listening ? Promise.resolve() : Promise.reject(new Error('the API is not listening yet'));
  }
}
