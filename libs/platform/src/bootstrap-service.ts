import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { runMain, type DatabaseServiceConfig } from '@irp/config';
import { natsMicroserviceOptions } from '@irp/messaging';
import { configureLogging, NestPinoLogger } from '@irp/observability';
import { runMigrateCli } from '@irp/persistence';
import type { ServiceDefinition } from './service-definition';
import { serviceOrmOptions } from './service-orm-config';
import { ServicePlatformModule } from './service-platform.module';

/** Starts a service on NATS (queue group = its name) with its ops port. Used by main.ts and tests. */
export async function bootstrapService<C extends DatabaseServiceConfig>(service: ServiceDefinition<C>, env: NodeJS.ProcessEnv): Promise<INestMicroservice> {
  const config = service.loadConfig(env);
  configureLogging({ service: service.name, level: config.logLevel });
  const app = await NestFactory.createMicroservice(ServicePlatformModule.forRoot(service, config), {
    ...natsMicroserviceOptions({ url: config.natsUrl, name: `${service.name}-rpc`, queue: service.name, credentials: config.natsCredentials }),
    logger: new NestPinoLogger(),
  });
  await app.listen();
  return app;
}

/** The body of a service's main.ts: start, stop cleanly on SIGTERM/SIGINT. */
export function runService(service: ServiceDefinition): void {
  runMain(service.name, () => bootstrapService(service, process.env), { shutdownTimeoutMs: service.shutdownTimeoutMs });
}

/** The body of a service's migrate.ts: `node migrate.js up|down|pending|create`. */
export function runServiceMigrations(service: ServiceDefinition): void {
  void runMigrateCli(service.name, (url) => serviceOrmOptions(service, { url }));
}
