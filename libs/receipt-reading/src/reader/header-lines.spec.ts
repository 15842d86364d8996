import type { OcrLine, OcrPage, OcrPool } from '../ocr/ocr-pool';
import { withHeaderLinesReread } from './header-lines';
import { Progress } from './progress';
import type { TesseractContext } from './read-context';

const line = (text: string, top: number, width: number, confidence: number): OcrLine => ({ text, confidence, box: { left: 10, top, width, height: 20 } });

/** A pool whose re-reading of a line depends on the crop's width, which differs per line. */
function poolReading(byWidth: Record<number, { text: string; confidence: number }>): { pool: OcrPool; widths: number[] } {
  const widths: number[] = [];
  const recognize = async (image: Buffer): Promise<OcrPage> => {
    const width = Number(/^P5\s+(\d+)/.exec(image.toString('latin1', 0, 20))?.[1]);
    widths.push(width);
    const reading = byWidth[width] ?? { text: '', confidence: 0 };
    return { ...reading, lines: [] };
  };
  return { pool: { recognize } as unknown as OcrPool, widths };
}

describe(withHeaderLinesReread.name, () => {
  const image = { data: new Uint8Array(400 * 300).fill(255), width: 400, height: 300 };
  const context = (pool: OcrPool): TesseractContext => ({ pool, limits: {} as never, progress: new Progress() });
  // Crops are padded by 30 % of the line height (6 px) each side, then scaled to a 40 px line (×2).
  const cropWidth = (boxWidth: number) => (boxWidth + 12) * 2;

  it('takes a header line read again alone when Tesseract is at least as sure of it', async () => {
    const reading = {
      lines: [line('HREE STOOGES', 10, 200, 70), line('BISTRO & CAFE', 40, 150, 90), line('109, SS21/1A, DAMANSARA', 70, 250, 85), line('1 GUINESS 150.00', 120, 300, 90)],
      alternatives: new Map(),
    };
    const { pool, widths } = poolReading({
      [cropWidth(200)]: { text: 'THREE  STOOGES\n', confidence: 88 },
      [cropWidth(150)]: { text: 'BISTRO & CAF', confidence: 60 },
    });

    const reread = await withHeaderLinesReread(reading, image, context(pool));

    expect(reread.lines.map((l) => l.text)).toEqual(['THREE STOOGES', 'BISTRO & CAFE', '109, SS21/1A, DAMANSARA', '1 GUINESS 150.00']);
    expect(reread.lines[0]).toMatchObject({ confidence: 88, box: reading.lines[0].box });
    expect(widths).not.toContain(cropWidth(300)); // the item line is not part of the header
    // What each line's other LSTM reading was: the page's where the line read alone was kept.
    expect(reread.otherLstmReading).toEqual(new Map([[0, 'HREE STOOGES'], [1, 'BISTRO & CAF'], [2, '']]));
  });

  it('enlarges a speck of a line only so far', async () => {
    const speck = { text: 'CAFE AURORA', confidence: 10, box: { left: 0, top: 5, width: 100, height: 2 } };
    const reading = { lines: [speck, line('1 COFFEE 3.50', 50, 100, 90)], alternatives: new Map() };
    const { pool, widths } = poolReading({});
    await withHeaderLinesReread(reading, image, context(pool));
    expect(widths[0]).toBeLessThanOrEqual(3 * 102); // 20 × without the bound
  });
});
