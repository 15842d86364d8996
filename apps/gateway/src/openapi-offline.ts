import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/env';
import { buildOpenApiDocument } from './http/openapi';

/**
 * The OpenAPI document of the gateway without connecting to anything: Nest's preview mode scans the
 * modules and controllers but instantiates no provider (no NATS, no listener). Used by `npm run openapi`.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(loadGatewayConfig({})), new FastifyAdapter(), { preview: true, logger: false });
  app.setGlobalPrefix('api/v1');
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
