import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ServicePlatformModule } from '@irp/platform';
import { buildOpenApiDocument } from './http/openapi';
import { GATEWAY_SERVICE } from './service';

/**
 * The OpenAPI document of the gateway without connecting to anything: Nest's preview mode scans the
 * modules and controllers but instantiates no provider (no NATS, no listener). Used by `npm run openapi`.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ServicePlatformModule.forEdge(GATEWAY_SERVICE, GATEWAY_SERVICE.loadConfig({})), new FastifyAdapter(), { preview: true, logger: false });
  app.setGlobalPrefix('api/v1');
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
