import PDFDocument from 'pdfkit';

/**
 * A receipt as a PDF with a text layer (read without OCR, so the load measures the platform rather
 * than Tesseract), different for every `n`: its bytes, vendor and total are unique.
 */
export function receiptPdf(n: number, run: string): Promise<Buffer> {
  const cents = 100 + ((n * 7919) % 90_000);
  const total = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const lines = [`SCALE OUT STORE ${run.toUpperCase()} ${n}`, '1 Cluster Road, Lisbon', 'Date: 14/03/2026', '', `Item ${n}      ${total}`, `TOTAL EUR      ${total}`];
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A6', margin: 20 });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    document.font('Helvetica').fontSize(10);
    for (const line of lines) document.text(line);
    document.end();
  });
}
