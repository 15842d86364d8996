import { DocumentReader, ENGINE_SETTINGS } from '../src';
import { receiptImage } from './receipt-image';

const RECEIPT = [
  'KEDAI RUNCIT MAJU JAYA',
  'NO 12, JALAN MERANTI 3,',
  '47100 PUCHONG, SELANGOR',
  'TEL: 03-8076 1234',
  'DATE: 14/03/2018  10:42',
  'MILO 1KG        1 x 18.90   18.90',
  'ROTI GARDENIA   2 x 3.10     6.20',
  'TOTAL (RM)                  25.10',
  'CASH                        30.00',
  'CHANGE                       4.90',
];

describe.each(ENGINE_SETTINGS)('reading a receipt image with %s', (engines) => {
  let sut: DocumentReader;

  beforeAll(async () => {
    sut = await DocumentReader.create({ workers: 1, engines, secondOpinion: false });
  });

  afterAll(async () => {
    await sut.terminate();
  });

  it('reads its text and fields', async () => {
    const extraction = await sut.read(await receiptImage(RECEIPT), { mimeType: 'image/png' });
    expect(extraction.source).toBe('ocr');
    expect(extraction.text).toMatch(/MAJU\s*JAYA/);
    expect(extraction.fields.total?.value).toBe('25.10');
    expect(extraction.fields.date?.value).toBe('2018-03-14');
    expect(extraction.fields.vendorName?.value.replace(/\s+/g, ' ')).toBe('KEDAI RUNCIT MAJU JAYA');
  });

  it('reads two receipts at once on one worker, in turn', async () => {
    const [first, second] = await Promise.all([
      sut.read(await receiptImage(RECEIPT), { mimeType: 'image/png' }),
      sut.read(await receiptImage(RECEIPT.map((line) => line.replace('25.10', '31.60').replace('6.20', '12.70'))), { mimeType: 'image/png' }),
    ]);
    expect(first.fields.total?.value).toBe('25.10');
    expect(second.fields.total?.value).toBe('31.60');
  });
});
