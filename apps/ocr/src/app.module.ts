import { Module, type DynamicModule } from '@nestjs/common';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET, STREAMS } from '@irp/contracts';
import { NatsHealth, NatsModule, OutboxModule, RpcServerModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { DatabaseHealth, DatabaseModule } from '@irp/persistence';
import { OCR_CONFIG, type OcrConfig } from './config/env';
import { ocrOrmConfig } from './orm.config';
import { ReadingModule } from './reading/reading.module';

@Module({})
export class AppModule {
  static forRoot(config: OcrConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(ocrOrmConfig(config.database)),
        NatsModule.forRoot({ url: config.natsUrl, name: 'ocr' }),
        RpcServerModule,
        OutboxModule.forRoot({ streams: [STREAMS.OCR], ...config.outbox }),
        OpsModule.forRoot({ ...config.ops, checks: [DatabaseHealth, NatsHealth] }),
        BlobStoreModule.forRoot(DOCUMENTS_BUCKET),
        ReadingModule,
      ],
      providers: [{ provide: OCR_CONFIG, useValue: config }],
      exports: [OCR_CONFIG],
    };
  }
}
