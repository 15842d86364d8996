import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET, STREAMS } from '@irp/contracts';
import { NatsHealth, NatsModule, OutboxModule, RpcServerModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { DatabaseHealth, DatabaseModule } from '@irp/persistence';
import { CategoriesModule } from './categories/categories.module';
import { EXPENSES_CONFIG, type ExpensesConfig } from './config/env';
import { DocumentsModule } from './documents/documents.module';
import { ExpensesModule } from './expenses/expenses.module';
import { FxModule } from './fx/fx.module';
import { expensesOrmConfig } from './orm.config';

@Module({})
export class AppModule {
  static forRoot(config: ExpensesConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(expensesOrmConfig(config.database)),
        NatsModule.forRoot({ url: config.natsUrl, name: 'expenses' }),
        RpcServerModule,
        OutboxModule.forRoot({ streams: [STREAMS.EXPENSES, STREAMS.OCR_JOBS], ...config.outbox }),
        OpsModule.forRoot({ ...config.ops, checks: [DatabaseHealth, NatsHealth] }),
        ScheduleModule.forRoot(),
        FxModule,
        CategoriesModule,
        ExpensesModule,
        BlobStoreModule.forRoot(DOCUMENTS_BUCKET),
        DocumentsModule,
      ],
      providers: [{ provide: EXPENSES_CONFIG, useValue: config }],
      exports: [EXPENSES_CONFIG],
    };
  }
}
