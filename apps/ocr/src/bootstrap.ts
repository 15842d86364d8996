import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { natsMicroserviceOptions } from '@irp/messaging';
import { configureLogging, NestPinoLogger } from '@irp/observability';
import { AppModule } from './app.module';
import { loadOcrConfig } from './config/env';

/** Starts the ocr service: OCR workers on the OCR_JOBS queue, with its ops port. Used by main.ts and tests. */
export async function createOcrService(env: NodeJS.ProcessEnv): Promise<INestMicroservice> {
  const config = loadOcrConfig(env);
  configureLogging({ service: 'ocr', level: config.logLevel });
  const app = await NestFactory.createMicroservice(AppModule.forRoot(config), {
    ...natsMicroserviceOptions({ url: config.natsUrl, name: 'ocr-rpc', queue: 'ocr' }),
    logger: new NestPinoLogger(),
  });
  await app.listen();
  return app;
}
