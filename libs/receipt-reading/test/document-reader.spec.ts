import sharp from 'sharp';
import { DocumentReader, UnreadableDocumentError } from '../src';
import { pngClaiming } from './image-fixtures';
import { makePdf } from './pdf-fixtures';
import { sampleImage, sampleReceipt } from './sample-receipts';

const RECEIPT_LINES = ['ACME STATIONERY SDN BHD', 'NO 8, JALAN 7/118B, 56000 KUALA LUMPUR', 'TEL: 03-9201 6281', 'DATE: 25/12/2018', 'PEN 20 x 1.50 30.00', 'TOTAL RM 30.00', 'CASH RM 50.00', 'CHANGE RM 20.00'];

describe(DocumentReader.name, () => {
  let sut: DocumentReader;

  beforeAll(async () => {
    sut = await DocumentReader.create({ workers: 1 });
  });

  afterAll(async () => {
    await sut.terminate();
  });

  it('reads a scanned receipt end to end', async () => {
    const sample = sampleReceipt('X51008142030');
    const progress: number[] = [];
    const extraction = await sut.read(sampleImage(sample.id), { mimeType: 'image/jpeg', onProgress: (p) => progress.push(p) });
    expect(extraction.source).toBe('ocr');
    expect(extraction.pages).toBe(1);
    expect(extraction.fields.total?.value).toBe('52.00');
    expect(extraction.fields.date?.value).toBe('2018-06-05');
    expect(extraction.text).toMatch(/SEAFOOD RESTAURANT/);
    expect(progress[progress.length - 1]).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("takes the photo's day from its EXIF when no date can be read, doubtfully", async () => {
    const sample = sampleImage('X51008142030');
    // The receipt down to its "BILL#" line: name and address, no date.
    const header = await sharp(sample).extract({ left: 0, top: 0, width: 936, height: 700 }).jpeg().toBuffer();
    const photo = await sharp(header).jpeg().withExif({ IFD2: { DateTimeOriginal: '2018:06:07 21:40:00' } }).toBuffer();
    expect((await sut.read(header, { mimeType: 'image/jpeg' })).fields.date).toBeNull();
    const extraction = await sut.read(photo, { mimeType: 'image/jpeg' });
    expect(extraction.fields.vendorName?.value).toMatch(/SEAFOOD RESTAURANT/);
    expect(extraction.fields.date).toEqual({ value: '2018-06-07', confidence: 0.3 });
  });

  it('reads a PDF through its text layer, without OCR', async () => {
    const pdf = await makePdf([{ lines: RECEIPT_LINES }]);
    const extraction = await sut.read(pdf, { mimeType: 'application/pdf' });
    expect(extraction.source).toBe('pdf-text');
    expect(extraction.fields.vendorName?.value).toBe('ACME STATIONERY SDN BHD');
    expect(extraction.fields.total?.value).toBe('30.00');
    expect(extraction.fields.currency?.value).toBe('MYR');
    expect(extraction.fields.date?.value).toBe('2018-12-25');
  });

  it('reads a scanned PDF page as it reads the image: same engines, same fields', async () => {
    const image = sampleImage('X51008142030');
    const progress: number[] = [];
    const [fromPdf, fromImage] = [
      await sut.read(await makePdf([{ image }]), { mimeType: 'application/pdf', onProgress: (p) => progress.push(p) }),
      await sut.read(image, { mimeType: 'image/jpeg' }),
    ];
    expect(fromPdf).toMatchObject({ source: 'ocr', pages: 1 });
    // The rendered page's pixels differ a little from the JPEG's, so a line may read differently.
    const pdfLines = new Set(fromPdf.text.split('\n'));
    const imageLines = fromImage.text.split('\n').filter((line) => line !== '');
    expect(imageLines.filter((line) => pdfLines.has(line)).length / imageLines.length).toBeGreaterThan(0.8);
    for (const field of ['vendorName', 'vendorAddress', 'date', 'total', 'currency'] as const) expect(fromPdf.fields[field]?.value).toBe(fromImage.fields[field]?.value);
    expect(fromPdf.fields.total?.value).toBe('52.00');
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('reads a multi-page PDF as one document, OCR-ing the page without text', async () => {
    // A cover letter in two text pages, the receipt scanned on the third.
    const pdf = await makePdf([{ lines: ['ACME STATIONERY SDN BHD', 'EXPENSE CLAIM 2018-12'] }, { lines: ['RECEIPT ATTACHED'] }, { image: sampleImage('X00016469612') }]);
    const extraction = await sut.read(pdf, { mimeType: 'application/pdf' });
    expect(extraction.pages).toBe(3);
    expect(extraction.source).toBe('mixed');
    expect(extraction.text.split('\f')).toHaveLength(3);
    expect(extraction.text).toMatch(/TAMAN DAYA/);
    expect(extraction.fields.total?.value).toBe('9.00');
  });

  it('refuses a corrupt JPEG and keeps working', async () => {
    const corrupt = Buffer.concat([sampleImage('X00016469612').subarray(0, 2_000), Buffer.alloc(2_000, 0x41)]);
    await expect(sut.read(corrupt, { mimeType: 'image/jpeg' })).rejects.toMatchObject({ name: 'UnreadableDocumentError', reason: 'corrupt' });
    const pdf = await makePdf([{ lines: RECEIPT_LINES }]);
    await expect(sut.read(pdf, { mimeType: 'application/pdf' })).resolves.toMatchObject({ source: 'pdf-text' });
  });

  it('refuses a picture with no text in it (noise a damaged JPEG decodes to, a blank page)', async () => {
    const noise = Buffer.alloc(300 * 200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    const picture = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } }).jpeg().toBuffer();
    await expect(sut.read(picture, { mimeType: 'image/jpeg' })).rejects.toMatchObject({ name: 'UnreadableDocumentError', reason: 'empty' });
    const pdf = await makePdf([{ lines: RECEIPT_LINES }]);
    await expect(sut.read(pdf, { mimeType: 'application/pdf' })).resolves.toMatchObject({ source: 'pdf-text' });
  });

  it('refuses an image claiming 50,000 × 50,000 pixels without decoding it', async () => {
    const started = performance.now();
    const error = await sut.read(pngClaiming(50_000, 50_000), { mimeType: 'image/png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect(error).toMatchObject({ reason: 'too_large', message: expect.stringContaining('50000 × 50000') });
    // Decoding 2.5 gigapixels would take minutes (or all the memory); refusing it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a text file sent as a JPEG', async () => {
    const text = Buffer.from('TOTAL 12.00\nthis is not an image\n'.repeat(20));
    await expect(sut.read(text, { mimeType: 'image/jpeg' })).rejects.toMatchObject({
      name: 'UnreadableDocumentError',
      message: expect.stringContaining('not a valid JPEG'),
    });
  });

  it('refuses a password-protected PDF and one with too many pages', async () => {
    const locked = await makePdf([{ lines: RECEIPT_LINES }], { userPassword: 'secret' });
    await expect(sut.read(locked, { mimeType: 'application/pdf' })).rejects.toMatchObject({ reason: 'encrypted' });
    const long = await makePdf(Array.from({ length: 21 }, () => ({ lines: ['PAGE'] })));
    await expect(sut.read(long, { mimeType: 'application/pdf' })).rejects.toMatchObject({ reason: 'too_many_pages' });
  });

  it('refuses a damaged PDF and an unsupported type', async () => {
    const pdf = await makePdf([{ lines: RECEIPT_LINES }]);
    await expect(sut.read(pdf.subarray(0, 400), { mimeType: 'application/pdf' })).rejects.toBeInstanceOf(UnreadableDocumentError);
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', 'base64');
    await expect(sut.read(gif, { mimeType: 'image/gif' })).rejects.toMatchObject({ reason: 'unsupported_type' });
  });

  it('rejects with the abort reason when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    await expect(sut.read(sampleImage('X00016469612'), { mimeType: 'image/jpeg', signal: controller.signal })).rejects.toThrow('client went away');
  });
});
