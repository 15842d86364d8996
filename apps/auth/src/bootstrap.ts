import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { natsMicroserviceOptions } from '@irp/messaging';
import { configureLogging, NestPinoLogger } from '@irp/observability';
import { AppModule } from './app.module';
import { loadAuthConfig } from './config/env';

/** Starts the auth service on NATS (queue group `auth`) with its ops port. Used by main.ts and tests. */
export async function createAuthService(env: NodeJS.ProcessEnv): Promise<INestMicroservice> {
  const config = loadAuthConfig(env);
  configureLogging({ service: 'auth', level: config.logLevel });
  const app = await NestFactory.createMicroservice(AppModule.forRoot(config), {
    ...natsMicroserviceOptions({ url: config.natsUrl, name: 'auth-rpc', queue: 'auth' }),
    logger: new NestPinoLogger(),
  });
  await app.listen();
  return app;
}
