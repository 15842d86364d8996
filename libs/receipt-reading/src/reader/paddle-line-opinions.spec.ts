import type { Region } from '../image/grey-image';
import type { OcrLine, OcrPage } from '../ocr/ocr-pool';
import type { PaddlePool } from '../paddle/paddle-pool';
import { readingFields } from './ocr-reading';
import { withPaddleLineOpinions } from './paddle-line-opinions';

const line = (text: string, top: number): OcrLine => ({ text, confidence: 80, box: { left: 10, top, width: 300, height: 20 } });

/** A Paddle pool that reads each region as `readings[top]`, recording the regions it was asked for. */
function fakePaddle(readings: Record<number, string>): { pool: PaddlePool; asked: Region[] } {
  const asked: Region[] = [];
  const readRegions = async (_image: unknown, regions: Region[]): Promise<OcrPage> => {
    asked.push(...regions);
    return { text: '', confidence: 0, lines: regions.map((box) => ({ text: readings[box.top] ?? '', confidence: 90, box })) };
  };
  return { pool: { readRegions } as unknown as PaddlePool, asked };
}

describe(withPaddleLineOpinions.name, () => {
  const prepared = { pgm: Buffer.alloc(0), grey: { data: new Uint8Array(400 * 400), width: 400, height: 400 }, width: 400, height: 400, scale: 1, takenOn: null };
  const lines = [line('KEDAI RUNCIT MAJU JAYA', 10), line('NO 12, JALAN MERANTI 3, 47100 PUCHONG', 40), line('DATE: 14/03/2018', 100), line('MILO 1KG 18.90', 130), line('ROTI 6.20', 145), line('TOTAL 26.10', 160)];
  const reading = { lines, alternatives: new Map() };
  const first = { text: '', reading, fields: readingFields(reading, {}) };

  it("asks Paddle for the header, date and total lines only, and votes with its reading of the total", async () => {
    const { pool, asked } = fakePaddle({ 10: 'KEDAI RUNCIT MAJU JAYA', 40: 'NO 12, JALAN MERANTI 3, 47100 PUCHONG', 100: 'DATE: 14/03/2018', 160: 'TOTAL 25.10' });
    expect(first.fields.total?.value).not.toBe('25.10');
    const fields = await withPaddleLineOpinions(first, prepared, pool, {});
    expect(asked.map((box) => box.top)).not.toContain(130);
    expect(asked.map((box) => box.top)).not.toContain(145);
    expect(asked.map((box) => box.top)).toEqual(expect.arrayContaining([10, 100, 160]));
    expect(fields.total?.value).toBe('25.10');
    expect(fields.date?.value).toBe('2018-03-14');
    expect(fields.vendorName?.value).toBe('KEDAI RUNCIT MAJU JAYA');
  });
});
