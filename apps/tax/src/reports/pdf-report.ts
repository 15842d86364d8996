import PDFDocument from 'pdfkit';
import { setTimeout as sleep } from 'node:timers/promises';
import { toDecimalString } from '@irp/money';
import type { ReportContent } from './report-content';
import type { ReportItem } from './report-item';
import type { ReportSummary } from './report-summary';

const MARGIN = 40;
/** Rows drawn between pauses: the service keeps answering requests, the file leaves as it is drawn. */
const ROWS_PER_PAUSE = 200;
/** Drawn bytes waiting to be stored beyond this, drawing waits. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const ITEM_FONT_SIZE = 7.5;

type Doc = InstanceType<typeof PDFDocument>;

/** Fixed-width columns: the itemised list is one text run per row (fast for tens of thousands of rows). */
function columns(values: [string, number, 'left' | 'right'][]): string {
  return values.map(([text, width, align]) => (text.length > width ? `${text.slice(0, width - 1)}~` : align === 'left' ? text.padEnd(width) : text.padStart(width))).join(' ');
}

/** Text the standard PDF fonts can show (WinAnsi); anything else becomes '?'. */
const printable = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/** Lets the event loop run, and waits while the store is behind. */
async function pause(doc: Doc): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (doc.readableLength > MAX_BUFFERED_BYTES && !doc.destroyed) await sleep(5);
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function summaryPage(doc: Doc, content: ReportContent, summary: ReportSummary): void {
  const { header, rules } = content;
  const profile = rules.profile;
  const money = (minor: bigint) => toDecimalString(minor, header.currency);
  doc.font('Helvetica-Bold').fontSize(16).text('Tax report');
  doc.font('Helvetica').fontSize(10).text(printable(`${profile.name} - ${profile.form}`));
  doc.moveDown(0.5).fontSize(9);
  doc.text(`Period: ${header.period.from} to ${header.period.to}`);
  doc.text(`Currency: ${header.currency}${header.currency === profile.currency ? '' : ` (the return is filed in ${profile.currency})`}`);
  doc.text(`Profile: ${profile.id} version ${profile.version}, source ${profile.source}`);
  const fx = summary.fxBasis();
  doc.text(
    fx.convertedCount === 0
      ? 'FX basis: every expense was in the report currency'
      : `FX basis: ${fx.convertedCount} expenses converted at ${fx.sources.join(', ')} reference rates dated ${fx.firstRateDate} to ${fx.lastRateDate}`,
  );
  doc.text(`Generated ${header.generatedAt}, report ${header.id}${header.estimateMissingTax ? '; missing tax estimated at the standard rate' : ''}`);
  doc.moveDown();
  doc.font('Courier-Bold').fontSize(8).text(columns([['Line', 6, 'left'], ['Description', 38, 'left'], ['Gross', 14, 'right'], ['Tax', 12, 'right'], ['Deductible', 14, 'right'], ['Count', 6, 'right']]));
  doc.font('Courier');
  const labels = new Map(profile.lines.map((line) => [line.code, line.label]));
  for (const line of summary.lineTotals()) {
    doc.text(columns([[line.code, 6, 'left'], [labels.get(line.code) ?? '', 38, 'left'], [money(line.gross), 14, 'right'], [money(line.tax), 12, 'right'], [money(line.deductible), 14, 'right'], [String(line.expenseCount), 6, 'right']]));
  }
  const t = summary.totals;
  doc.font('Courier-Bold').text(columns([['Total', 45, 'left'], [money(t.gross), 14, 'right'], [money(t.tax), 12, 'right'], [money(t.deductible), 14, 'right'], [String(summary.expenseCount - summary.uncountedCount), 6, 'right']]));
  doc.font('Courier').text(`Net ${money(t.net)}   Reclaimable input tax ${money(t.reclaimable)}`);
  doc.moveDown().font('Courier-Bold').text(columns([['Tax rate', 10, 'left'], ['Base', 16, 'right'], ['Tax', 14, 'right'], ['Reclaimable', 14, 'right'], ['Estimated', 14, 'right']]));
  doc.font('Courier');
  for (const r of summary.rateTotals()) doc.text(columns([[`${r.rate}%`, 10, 'left'], [money(r.base), 16, 'right'], [money(r.tax), 14, 'right'], [money(r.reclaimable), 14, 'right'], [money(r.estimated), 14, 'right']]));
  doc.moveDown().font('Helvetica').fontSize(9).text(`Expenses needing review: ${summary.reviewCount}` + [...summary.review].map(([reason, count]) => `, ${reason.replace(/_/g, ' ')} ${count}`).join(''));
  if (summary.uncountedCount > 0) doc.text(`${summary.uncountedCount} expenses without an amount in ${header.currency} are listed for review and not in the totals.`);
}

function itemRow(item: ReportItem, currency: string): string {
  const money = (minor: bigint) => (item.counted ? toDecimalString(minor, currency) : '-');
  const flags = item.review.map((reason) => reason.split('_').map((word) => word[0]).join('').toUpperCase()).join(' ');
  return columns([[item.row.date, 10, 'left'], [printable(item.row.vendor), 30, 'left'], [printable(item.row.category), 16, 'left'], [money(item.gross), 12, 'right'], [money(item.tax), 10, 'right'], [money(item.deductible), 12, 'right'], [flags, 8, 'left']]);
}

/**
 * The report as a printable PDF (pdfkit): a summary page (lines, totals, tax per rate, review
 * counts, FX basis), then every expense line by line. Pages are written out as they fill.
 */
export async function* pdfReport(content: ReportContent, summary: ReportSummary): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Tax report ${content.header.period.from} to ${content.header.period.to}`, Producer: 'Invoice & Receipt Processor' } });
  const output = (async function* () {
    for await (const chunk of doc as AsyncIterable<Uint8Array>) yield chunk;
  })();
  const writing = (async () => {
    summaryPage(doc, content, summary);
    const labels = new Map(content.rules.profile.lines.map((line) => [line.code, line.label]));
    let line: string | undefined;
    let rows = 0;
    doc.addPage().font('Helvetica-Bold').fontSize(12).text('Expenses by line');
    doc.font('Helvetica').fontSize(8).text('Flags: MR missing receipt, ET estimated tax, UC unconverted currency (not in totals), NR needs review');
    for await (const item of content.items()) {
      if (doc.destroyed) return; // the reader went away
      if (item.line !== line) {
        line = item.line;
        ensureRoom(doc, 40);
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(printable(`${line}  ${labels.get(line) ?? ''}`));
        doc.font('Courier').fontSize(ITEM_FONT_SIZE);
      }
      ensureRoom(doc, 10);
      doc.text(itemRow(item, content.header.currency));
      if (++rows % ROWS_PER_PAUSE === 0) await pause(doc);
    }
    doc.end();
  })().catch((error: unknown) => {
    doc.destroy(error as Error); // ends the output with the error instead of leaving it waiting
  });
  try {
    yield* output;
  } finally {
    if (!doc.readableEnded) doc.destroy();
    await writing;
  }
}
