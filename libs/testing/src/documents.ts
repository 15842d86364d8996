import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { createDeflate } from 'node:zlib';
import sharp from 'sharp';

// A font shipped inside pdfjs-dist, so generated images look the same on every machine.
const FONT = path.join(path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');

/** A receipt photographed: the lines in black on white, as a JPEG. */
export async function receiptImage(lines: string[], options: { width?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 900;
  const text = lines.map((line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('\n');
  // Pango renders white glyphs on black: negated, that is ink on paper.
  const rendered = await sharp({ text: { text, fontfile: FONT, font: 'Liberation Sans', dpi: 220, width: width - 80, spacing: 8 } })
    .negate({ alpha: false })
    .png()
    .toBuffer({ resolveWithObject: true });
  return sharp({ create: { width, height: rendered.info.height + 120, channels: 3, background: 'white' } })
    .composite([{ input: rendered.data, top: 60, left: 40 }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** An invoice as a PDF with a real text layer, one array of lines per page. */
export function invoicePdf(pages: string[][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    pages.forEach((lines, index) => {
      if (index > 0) document.addPage();
      document.font('Helvetica').fontSize(12);
      for (const line of lines) document.text(line);
    });
    document.end();
  });
}

/** The header of a PNG claiming a huge picture (a decompression bomb that never needs decoding). */
export async function hugeImageHeader(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: 'white' } }).png().toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

/**
 * A PDF bomb: a tiny file whose one page holds a 20,000 × 20,000 image (400 MB once inflated)
 * and no text, so a reader that renders pages naively runs out of memory.
 */
export async function pdfBomb(side = 20_000): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(side * 64);
  for (let written = 0; written < side * side; written += row.length) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  const image = Buffer.concat(compressed);
  const content = 'q 14400 0 0 14400 0 0 cm /Im0 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    null, // the image stream, written as bytes below
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const push = (buffer: Buffer) => {
    parts.push(buffer);
    length += buffer.length;
  };
  objects.forEach((body, index) => {
    offsets.push(length);
    if (body === null) {
      push(Buffer.from(`${index + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`));
      push(image);
      push(Buffer.from('\nendstream\nendobj\n'));
    } else {
      push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`));
    }
  });
  const xref = length;
  push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A JPEG whose header is real and whose picture data is noise. */
export async function corruptJpeg(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: 'white' } }).jpeg().toBuffer();
  const noise = Buffer.alloc(20_000);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return Buffer.concat([jpeg.subarray(0, 600), noise]);
}
