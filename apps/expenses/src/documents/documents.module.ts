import { Module } from '@nestjs/common';
import { ExpensesModule } from '../expenses/expenses.module';
import { DocumentRepository } from './document.repository';
import { DocumentsHandler } from './documents.handler';
import { DocumentsService } from './documents.service';
import { ExtractionIntake } from './extraction-intake';
import { OcrEventsConsumer } from './ocr-events.consumer';
import { ProgressPublisher } from './progress.publisher';

/** Uploaded documents: registration (queueing the OCR job), and what the ocr service reports back. */
@Module({
  imports: [ExpensesModule],
  controllers: [DocumentsHandler],
  providers: [DocumentsService, DocumentRepository, ExtractionIntake, OcrEventsConsumer, ProgressPublisher],
})
export class DocumentsModule {}
