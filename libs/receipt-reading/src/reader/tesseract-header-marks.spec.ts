import type { OcrLine, OcrPage, OcrPool } from '../ocr/ocr-pool';
import { readingFields } from './ocr-reading';
import type { TesseractContext } from './read-context';
import { withTesseractHeaderMarks } from './tesseract-header-marks';

const HEIGHT = 20;
const line = (text: string, top: number, width: number): OcrLine => ({ text, confidence: 90, box: { left: 0, top, width, height: HEIGHT } });

/**
 * A Tesseract pool that reads each line crop as the reading given for the line of that width (the
 * crops are the lines' boxes, padded and scaled alike), recording how many it was asked for.
 */
function fakeTesseract(readings: ReadonlyMap<number, string>): { context: TesseractContext; asked: () => number } {
  let asked = 0;
  const recognize = async (pgm: Buffer): Promise<OcrPage> => {
    asked++;
    const cropWidth = Number(/^P5\s+(\d+)/.exec(pgm.toString('latin1', 0, 20))?.[1]);
    const [, text] = [...readings].sort(([a], [b]) => Math.abs(a * 2 - cropWidth) - Math.abs(b * 2 - cropWidth))[0];
    return { text, confidence: 80, lines: [] };
  };
  return { context: { pool: { recognize } as unknown as OcrPool } as TesseractContext, asked: () => asked };
}

describe(withTesseractHeaderMarks.name, () => {
  const image = { data: new Uint8Array(900 * 400), width: 900, height: 400 };
  const lines = [
    line('MR.D.I.Y. KUCHAI SDN BHD', 10, 300),
    line('LOT 1851-A JALAN KPB 6', 40, 400),
    line('43300 SERI KEMBANGAN SELANGOR', 70, 500),
    line('TOTAL 12.00', 200, 200),
  ];
  const reading = { lines, alternatives: new Map() };

  it("gives Paddle's header lines the brackets, commas and colons Tesseract reads, and leaves the rest of the page alone", async () => {
    const { context, asked } = fakeTesseract(
      new Map([
        [300, 'MR. D.I.Y. (KUCHAI) SDN BHD'],
        [400, 'LOT 1851-A, JALAN KPB 6,'],
        [500, '43300 SER1 KEMBANGAN, SELANGOR'],
        [200, 'TOTAL: 12.00'],
      ]),
    );
    const marked = await withTesseractHeaderMarks(reading, image, context);
    const fields = readingFields(marked, {});
    expect(marked.lines.map((l) => l.text)).toEqual(['MR.D.I.Y. (KUCHAI) SDN BHD', 'LOT 1851-A, JALAN KPB 6,', '43300 SERI KEMBANGAN, SELANGOR', 'TOTAL 12.00']);
    expect(asked()).toBe(3);
    expect(fields.vendorName?.value).toBe('MR.D.I.Y. (KUCHAI) SDN BHD');
    expect(fields.vendorAddress?.value).toBe('LOT 1851-A, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR');
  });
});
