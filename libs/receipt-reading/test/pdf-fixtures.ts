import PDFDocument from 'pdfkit';

export interface PdfPage {
  lines?: string[];
  image?: Buffer;
}

/** A PDF made in the test: text pages get a real text layer, image pages have none. */
export function makePdf(pages: readonly PdfPage[], options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', autoFirstPage: false, ...(options.userPassword && { userPassword: options.userPassword, ownerPassword: 'owner' }) });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const page of pages) {
      doc.addPage();
      if (page.image) doc.image(page.image, 20, 20, { fit: [380, 550] });
      doc.font('Courier').fontSize(11);
      (page.lines ?? []).forEach((line, i) => doc.text(line, 30, 40 + i * 16, { lineBreak: false }));
    }
    doc.end();
  });
}
