import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { natsMicroserviceOptions } from '@irp/messaging';
import { configureLogging, NestPinoLogger } from '@irp/observability';
import { AppModule } from './app.module';
import { loadExpensesConfig } from './config/env';

/** Starts the expenses service on NATS (queue group `expenses`) with its ops port. Used by main.ts and tests. */
export async function createExpensesService(env: NodeJS.ProcessEnv): Promise<INestMicroservice> {
  const config = loadExpensesConfig(env);
  configureLogging({ service: 'expenses', level: config.logLevel });
  const app = await NestFactory.createMicroservice(AppModule.forRoot(config), {
    ...natsMicroserviceOptions({ url: config.natsUrl, name: 'expenses-rpc', queue: 'expenses' }),
    logger: new NestPinoLogger(),
  });
  await app.listen();
  return app;
}
