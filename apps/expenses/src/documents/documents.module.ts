import { Module } from '@nestjs/common';
import { DuplicatesModule } from '../duplicates/duplicates.module';
import { ExpensesModule } from '../expenses/expenses.module';
import { SettingsModule } from '../settings/settings.module';
import { DocumentLinksModule } from './document-links.module';
import { DocumentsHandler } from './documents.handler';
import { DocumentsService } from './documents.service';
import { ExtractionIntake } from './extraction-intake';
import { OcrEventsConsumer } from './ocr-events.consumer';
import { ProgressPublisher } from './progress.publisher';

/** Uploaded documents: registration (queueing the OCR job), and what the ocr service reports back. */
@Module({
  imports: [SettingsModule, DuplicatesModule, ExpensesModule, DocumentLinksModule],
  controllers: [DocumentsHandler],
  providers: [DocumentsService, ExtractionIntake, OcrEventsConsumer, ProgressPublisher],
})
export class DocumentsModule {}
