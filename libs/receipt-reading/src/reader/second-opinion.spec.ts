import { PSM } from 'tesseract.js';
import type { OcrJobOptions, OcrLine, OcrPage, OcrPool } from '../ocr/ocr-pool';
import { Progress } from './progress';
import type { TesseractContext } from './read-context';
import { withSecondOpinions } from './second-opinion';

const line = (text: string, top: number): OcrLine => ({ text, confidence: 80, box: { left: 10, top, width: 200, height: 20 } });

/** A pool that answers by engine and segmentation mode, recording what it was asked. */
function fakePool(answers: { legacy: string; alone: string }): { pool: OcrPool; jobs: OcrJobOptions[] } {
  const jobs: OcrJobOptions[] = [];
  const recognize = async (_image: Buffer, options: OcrJobOptions = {}): Promise<OcrPage> => {
    jobs.push(options);
    return { text: options.engine === 'legacy' ? answers.legacy : answers.alone, confidence: 70, lines: [] };
  };
  return { pool: { recognize } as unknown as OcrPool, jobs };
}

describe(withSecondOpinions.name, () => {
  const image = { data: new Uint8Array(400 * 300).fill(255), width: 400, height: 300 };
  const context = (pool: OcrPool): TesseractContext => ({ pool, limits: {} as never, progress: new Progress() });
  const reading = { lines: [line('SHOP', 10), line('17-04-14 14:02', 40), line('TOTAL 1.00', 70)], alternatives: new Map([[1, ['earlier']]]) };

  it('adds the legacy reading of every line and the LSTM reading alone of the date lines as alternatives', async () => {
    const { pool, jobs } = fakePool({ legacy: '17-04-16  14:02\n', alone: '17-04-16 14:02' });

    const rechecked = await withSecondOpinions(reading, { legacy: [1, 2], alone: [1] }, image, context(pool));

    expect(rechecked.alternatives.get(1)).toEqual(['earlier', '17-04-16 14:02', '17-04-16 14:02']);
    expect(rechecked.alternatives.get(2)).toEqual(['17-04-16 14:02']);
    expect(jobs.filter((job) => job.engine === 'legacy')).toHaveLength(2);
    expect(jobs.filter((job) => job.engine !== 'legacy')).toEqual([expect.objectContaining({ pageSegmentationMode: PSM.SINGLE_LINE })]);
    expect(reading.alternatives.get(1)).toEqual(['earlier']); // the first reading is left as it was
  });

  it('does not read again alone a line the header pass read twice, and takes the reading it did not keep', async () => {
    const { pool, jobs } = fakePool({ legacy: '17-04-16 14:02', alone: 'not asked' });

    const rechecked = await withSecondOpinions({ ...reading, otherLstmReading: new Map([[1, '17-04-16 14:02']]) }, { legacy: [1], alone: [1] }, image, context(pool));

    expect(rechecked.alternatives.get(1)).toEqual(['earlier', '17-04-16 14:02', '17-04-16 14:02']);
    expect(jobs).toEqual([expect.objectContaining({ engine: 'legacy' })]);
  });

  it('drops readings that found no text', async () => {
    const { pool } = fakePool({ legacy: ' \n', alone: '' });
    const rechecked = await withSecondOpinions(reading, { legacy: [2], alone: [1] }, image, context(pool));
    expect(rechecked.alternatives).toEqual(reading.alternatives);
  });
});
