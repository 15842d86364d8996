import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DocumentReader } from '@irp/receipt-reading';
import { getLogger } from '@irp/observability';
import { OCR_CONFIG, type OcrConfig } from '../config/env';

/** The warm OCR worker pool, started with the service and stopped with it. */
@Injectable()
export class ReaderPool implements OnModuleInit, OnApplicationShutdown {
  private readonly log = getLogger(ReaderPool.name);
  private pool?: DocumentReader;

  constructor(@Inject(OCR_CONFIG) private readonly config: OcrConfig) {}

  async onModuleInit(): Promise<void> {
    const { workers, languages, engines } = this.config.reading;
    this.pool = await DocumentReader.create({ workers, languages, engines });
    this.log.info({ workers, languages, engines }, 'OCR workers ready');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.terminate();
  }

  get reader(): DocumentReader {
    if (!this.pool) throw new Error('the OCR workers are not started');
    return this.pool;
  }
}
