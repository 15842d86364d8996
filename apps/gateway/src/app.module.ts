import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET } from '@irp/contracts';
import { DtoValidationPipe, NatsHealth, NatsModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { FxRatesController } from './admin/fx-rates.controller';
import { AuthController } from './auth/auth.controller';
import { CallerResolver } from './auth/caller-resolver';
import { StreamTokens } from './auth/stream-tokens';
import { CategoriesController } from './categories/categories.controller';
import { DocumentEventsStream } from './documents/document-events.stream';
import { DocumentsController } from './documents/documents.controller';
import { StreamTokenController } from './documents/stream-token.controller';
import { ExpensesController } from './expenses/expenses.controller';
import { SettingsController } from './settings/settings.controller';
import { AuthGuard } from './auth/auth.guard';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/env';
import { AsyncApiController } from './http/asyncapi.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RateLimitGuard, rateLimitStorageProvider } from './rate-limit/rate-limit.guard';


@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        NatsModule.forRoot({ url: config.natsUrl, name: 'gateway', requestTimeoutMs: config.rpcTimeoutMs, credentials: config.natsCredentials }),
        OpsModule.forRoot({ ...config.ops, checks: [NatsHealth] }),
        JwtModule.register({}),
        BlobStoreModule.forRoot(DOCUMENTS_BUCKET),
      ],
      controllers: [AuthController, ExpensesController, CategoriesController, SettingsController, FxRatesController, DocumentsController, StreamTokenController, AsyncApiController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Rate limits first: anonymous and badly authenticated calls are counted too (per IP).
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: DtoValidationPipe },
        AccessTokenVerifier,
        CallerResolver,
        StreamTokens,
        rateLimitStorageProvider,
        DocumentEventsStream,
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
