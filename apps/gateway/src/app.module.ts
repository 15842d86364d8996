import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { NatsConnection } from '@nats-io/transport-node';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET } from '@irp/contracts';
import { DtoValidationPipe, NATS_CONNECTION, NatsHealth, NatsModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { FxRatesController } from './admin/fx-rates.controller';
import { AuthController } from './auth/auth.controller';
import { NatsThrottlerStorage } from './auth/nats-throttler-storage';
import { CategoriesController } from './categories/categories.controller';
import { DocumentEventsStream } from './documents/document-events.stream';
import { DocumentsController } from './documents/documents.controller';
import { ExpensesController } from './expenses/expenses.controller';
import { SettingsController } from './settings/settings.controller';
import { AuthGuard } from './auth/auth.guard';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/env';
import { AsyncApiController } from './http/asyncapi.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';


@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        NatsModule.forRoot({ url: config.natsUrl, name: 'gateway', requestTimeoutMs: config.rpcTimeoutMs }),
        OpsModule.forRoot({ ...config.ops, checks: [NatsHealth] }),
        JwtModule.register({}),
        BlobStoreModule.forRoot(DOCUMENTS_BUCKET),
        ThrottlerModule.forRootAsync({
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => ({
            throttlers: [{ ttl: config.authRateLimit.windowMs, limit: config.authRateLimit.limit }],
            storage: new NatsThrottlerStorage(nc, config.authRateLimit.windowMs),
          }),
        }),
      ],
      controllers: [AuthController, ExpensesController, CategoriesController, SettingsController, FxRatesController, DocumentsController, AsyncApiController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: DtoValidationPipe },
        AccessTokenVerifier,
        DocumentEventsStream,
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
