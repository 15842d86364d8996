import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureLogging, NestPinoLogger } from '@irp/observability';
import { ServicePlatformModule } from '@irp/platform';
import { RATES_FILE_LIMIT_BYTES } from './admin/fx-rates.controller';
import fastifyMultipart from '@fastify/multipart';
import { RAW_DOCUMENT_TYPES } from './documents/documents.controller';
import { drainRefusedBodies } from './http/drain-refused-body';
import { closeConnectionsWhenStopping } from './http/graceful-close';
import { registerHttpHooks, requestIdFor } from './http/http-hooks';
import { jsonBodyParser } from './http/json-body';
import { setupOpenApi } from './http/openapi';
import { GATEWAY_SERVICE } from './service';

/** Starts the gateway: REST on PORT, ops on OPS_PORT. Used by main.ts and tests. */
export async function createGateway(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  const config = GATEWAY_SERVICE.loadConfig(env);
  configureLogging({ service: GATEWAY_SERVICE.name, level: config.logLevel });
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers['x-request-id']),
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ServicePlatformModule.forEdge(GATEWAY_SERVICE, config), adapter, { logger: new NestPinoLogger() });
  app.setGlobalPrefix('api/v1');
  if (config.http.corsOrigins.length > 0) app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['x-request-id', 'etag', 'retry-after', 'ratelimit', 'ratelimit-policy'] });
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON: any other body type is answered 415 instead of reaching a handler as a string.
  fastify.removeContentTypeParser(['text/plain']);
  // JSON bodies nested too deep are refused before anything recurses over them.
  app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimit }, jsonBodyParser(fastify));
  // Rates files (admin import) are XML, and larger than any JSON body.
  fastify.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: RATES_FILE_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  // Documents: multipart forms, or the raw bytes as the body, passed on as a stream (never buffered).
  await app.register(fastifyMultipart as never, { limits: { files: 1, fields: 10, fileSize: config.uploads.maxBytes + 1 } });
  fastify.addContentTypeParser(RAW_DOCUMENT_TYPES, (_request, payload, done) => done(null, payload));
  registerHttpHooks(fastify);
  closeConnectionsWhenStopping(fastify);
  drainRefusedBodies(fastify);
  setupOpenApi(app);
  await app.listen(config.http.port, config.http.host);
  return app;
}
