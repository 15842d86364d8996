import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@irp/blob-store';
import type { TaxReportFormat } from '@irp/contracts';
import { csvReport } from './csv-report';
import { jsonReport } from './json-report';
import { pdfReport } from './pdf-report';
import { CONTENT_TYPES, type ReportContent } from './report-content';
import type { ReportFile } from './report-job.entity';
import type { ReportSummary } from './report-summary';
import { utf8Chunks } from './utf8-chunks';

/** No report file grows past this (a safety net: 50,000 expenses make about 30 MB of JSON). */
const MAX_REPORT_BYTES = 2 * 1024 ** 3;

/** Writes a report's files into the reports bucket, each streamed from the projection. */
@Injectable()
export class ReportFiles {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async write(objectName: string, format: TaxReportFormat, content: ReportContent, summary: ReportSummary): Promise<ReportFile> {
    // The job turns ready only once every file is written: no download sees half a file.
    const stored = await this.blobs.put(objectName, ReportFiles.render(format, content, summary), { maxBytes: MAX_REPORT_BYTES, contentType: CONTENT_TYPES[format] });
    return { format, size: stored.size };
  }

  async delete(objectName: string): Promise<void> {
    await this.blobs.delete(objectName);
  }

  static render(format: TaxReportFormat, content: ReportContent, summary: ReportSummary): AsyncIterable<Uint8Array> {
    switch (format) {
      case 'json':
        return utf8Chunks(jsonReport(content, summary));
      case 'csv':
        return utf8Chunks(csvReport(content));
      case 'pdf':
        return pdfReport(content, summary);
    }
  }
}
