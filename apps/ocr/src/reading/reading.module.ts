import { Module } from '@nestjs/common';
import { ReaderPool } from './document-reader.provider';
import { OcrJobsConsumer } from './ocr-jobs.consumer';
import { ReadDocumentService } from './read-document.service';

@Module({
  providers: [ReaderPool, ReadDocumentService, OcrJobsConsumer],
})
export class ReadingModule {}
