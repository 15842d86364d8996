import type { FastifyInstance } from 'fastify';
import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { getLogger, histogram } from '@irp/observability';

const httpDuration = histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests served by the gateway',
  labelNames: ['method', 'route', 'status'],
});

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Request id: the caller's X-Request-Id when it is sane, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/** Request ids on responses, route-named spans, one access log line and a latency histogram per request. */
export function registerHttpHooks(fastify: FastifyInstance): void {
  const log = getLogger('Http');
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    const span = trace.getActiveSpan();
    const route = request.routeOptions.url ?? 'unmatched';
    span?.updateName(`${request.method} ${route}`);
    span?.setAttributes({ 'http.route': route, 'irp.request_id': String(request.id) });
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    log.info(
      { requestId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
}
