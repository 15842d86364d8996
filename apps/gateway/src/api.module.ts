import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET } from '@irp/contracts';
import { DtoValidationPipe } from '@irp/messaging';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { FxRatesController } from './admin/fx-rates.controller';
import { AuthController } from './auth/auth.controller';
import { BudgetsRoutesModule } from './budgets/budgets-routes.module';
import { CallerResolver } from './auth/caller-resolver';
import { StreamTokens } from './auth/stream-tokens';
import { CategoriesController } from './categories/categories.controller';
import { DocumentEventsStream } from './documents/document-events.stream';
import { DocumentsController } from './documents/documents.controller';
import { StreamTokenController } from './documents/stream-token.controller';
import { ExpensesController } from './expenses/expenses.controller';
import { InboxModule } from './inbox/inbox.module';
import { SettingsController } from './settings/settings.controller';
import { TaxModule } from './tax/tax.module';
import { AuthGuard } from './auth/auth.guard';
import { AsyncApiController } from './http/asyncapi.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RateLimitGuard, rateLimitStorageProvider } from './rate-limit/rate-limit.guard';

/** The REST API: its controllers, the guards and filters every route goes through. */
@Module({
  imports: [JwtModule.register({}), BlobStoreModule.forRoot(DOCUMENTS_BUCKET), TaxModule, BudgetsRoutesModule, InboxModule],
  controllers: [AuthController, ExpensesController, CategoriesController, SettingsController, FxRatesController, DocumentsController, StreamTokenController, AsyncApiController],
  providers: [
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
})
export class ApiModule {}
