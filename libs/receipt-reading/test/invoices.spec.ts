import { extractFields } from '../src';
import { PdfDocument } from '../src/pdf/pdf-document';
import { INVOICES, renderInvoice, type InvoiceFixture } from './invoice-fixtures';

const LIMITS = { maxPages: 20, maxRenderPixels: 4_000_000, renderTimeoutMs: 10_000 };

/** The invoice's text as the reader takes it from a PDF's text layer, pages separated by form feeds. */
async function invoiceText(invoice: InvoiceFixture): Promise<string> {
  const pdf = await PdfDocument.open(await renderInvoice(invoice), LIMITS);
  try {
    const pages: string[] = [];
    for (let page = 1; page <= pdf.pageCount; page++) pages.push((await pdf.pageText(page)) ?? '');
    return pages.join('\f');
  } finally {
    await pdf.close();
  }
}

describe('invoices from their PDF text layer', () => {
  it.each(INVOICES.map((invoice) => [invoice.name, invoice] as const))('%s: issuer, invoice date, total and currency', async (_, invoice) => {
    const text = await invoiceText(invoice);
    const fields = extractFields(text);
    expect({
      vendor: fields.vendorName?.value,
      date: fields.date?.value,
      total: fields.total?.value,
      currency: fields.currency?.value,
    }).toEqual(invoice.truth);
  });
});
