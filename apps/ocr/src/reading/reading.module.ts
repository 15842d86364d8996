import { Module } from '@nestjs/common';
import { ReaderPool } from './document-reader.provider';
import { ExtractionRecordRepository } from './extraction-record.repository';
import { OcrJobsConsumer } from './ocr-jobs.consumer';
import { ReadDocumentService } from './read-document.service';

@Module({
  providers: [ReaderPool, ReadDocumentService, ExtractionRecordRepository, OcrJobsConsumer],
})
export class ReadingModule {}
