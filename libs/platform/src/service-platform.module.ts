import { Module, type DynamicModule } from '@nestjs/common';
import type { DatabaseServiceConfig, ServiceConfig } from '@irp/config';
import { NatsHealth, NatsModule, Outbox, OutboxModule, RpcServerModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { DatabaseHealth, DatabaseModule, OwnerLock, UnitOfWork } from '@irp/persistence';
import type { EdgeServiceDefinition, ServiceDefinition } from './service-definition';
import { serviceOrmOptions } from './service-orm-config';

/**
 * The root module of a service: its features on top of the shared platform. Global, so features
 * inject the configuration, UnitOfWork, Outbox, the NATS connection and the RPC client directly.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot<C extends DatabaseServiceConfig>(service: ServiceDefinition<C>, config: C): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(serviceOrmOptions(service, config.database)),
        NatsModule.forRoot({ url: config.natsUrl, name: service.name, credentials: config.natsCredentials, streamReplicas: config.natsStreamReplicas }),
        RpcServerModule,
        OutboxModule.forRoot({ streams: service.streams, ...config.outbox }),
        OpsModule.forRoot({ ...config.ops, checks: [DatabaseHealth, NatsHealth] }),
        ...service.features,
      ],
      providers: [{ provide: service.configToken, useValue: config }, UnitOfWork, Outbox, OwnerLock],
      exports: [service.configToken, UnitOfWork, Outbox, OwnerLock],
    };
  }

  /** The root module of a service without a database: its features on configuration, NATS, health and metrics. */
  static forEdge<C extends ServiceConfig>(service: EdgeServiceDefinition<C>, config: C): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        NatsModule.forRoot({
          url: config.natsUrl,
          name: service.name,
          credentials: config.natsCredentials,
          streamReplicas: config.natsStreamReplicas,
          requestTimeoutMs: service.requestTimeoutMs?.(config),
        }),
        OpsModule.forRoot({ ...config.ops, checks: [NatsHealth, ...(service.checks ?? [])] }),
        ...service.features,
      ],
      providers: [{ provide: service.configToken, useValue: config }, ...(service.checks ?? [])],
      exports: [service.configToken],
    };
  }
}
