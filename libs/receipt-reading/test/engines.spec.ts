import { DEFAULT_ENGINE_SETTING, DocumentReader, ENGINE_SETTINGS } from '../src';
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

// Paddle's English recogniser has no currency symbols: alone, it files these in the user's own
// currency (and misses the total written £17.30). Tesseract, and the default (Paddle with
// Tesseract's reading of its priced lines), must not.
describe.each(['tesseract', DEFAULT_ENGINE_SETTING] as const)('%s, on receipts priced with a currency symbol', (engines) => {
  let sut: DocumentReader;

  beforeAll(async () => {
    sut = await DocumentReader.create({ workers: 1, engines });
  });

  afterAll(async () => {
    await sut.terminate();
  });

  it.each([
    ['GBP', '17.30', ['THE RED LION', '12 HIGH STREET, OXFORD', 'DATE: 14/03/2024', 'FISH & CHIPS       £12.50', 'ALE                 £4.80', 'TOTAL              £17.30']],
    ['EUR', '10.70', ['CAFÉ DE LA GARE', '3 RUE DU MARCHÉ, 75011 PARIS', 'DATE: 14/03/2024', 'CRÈME BRÛLÉE        7,50 €', 'THÉ                 3,20 €', 'TOTAL              10,70 €']],
    ['EUR', '5.50', ['BÄCKEREI MÜLLER', 'HAUPTSTRASSE 5, 80331 MÜNCHEN', 'DATUM: 14.03.2024', 'BRÖTCHEN           € 2,40', 'KAFFEE             € 3,10', 'SUMME              € 5,50']],
  ])('reads %s and the total %s', async (currency, total, lines) => {
    const { fields } = await sut.read(await receiptImage(lines), { mimeType: 'image/png' });
    expect(fields.currency?.value).toBe(currency);
    expect(fields.total?.value).toBe(total);
  });
});
