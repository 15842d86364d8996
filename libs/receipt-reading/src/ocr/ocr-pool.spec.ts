import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OcrPool } from './ocr-pool';

/** A white PGM with a black bar: enough for Tesseract to run. */
function blankPage(): Buffer {
  const width = 200;
  const height = 60;
  const pixels = Buffer.alloc(width * height, 255);
  pixels.fill(0, width * 30, width * 32);
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), pixels]);
}

describe(OcrPool.name, () => {
  let sut: OcrPool;

  beforeAll(async () => {
    sut = await OcrPool.create({ workers: 1, languages: ['eng'] });
  });

  afterAll(async () => {
    await sut.terminate();
  });

  it('rejects bytes Tesseract cannot read, without taking the process down, and reads the next page', async () => {
    await expect(sut.recognize(Buffer.from('not an image at all'))).rejects.toBeDefined();
    await expect(sut.recognize(blankPage())).resolves.toMatchObject({ text: expect.any(String) });
  });

  it('takes an aborted job off the queue', async () => {
    const controller = new AbortController();
    const running = sut.recognize(blankPage());
    const queued = sut.recognize(blankPage(), { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(queued).rejects.toThrow('stop');
    await expect(running).resolves.toBeDefined();
  });

  it('refuses a legacy-engine job when it has no legacy engine', async () => {
    expect(sut.hasLegacy).toBe(false);
    await expect(sut.recognize(blankPage(), { engine: 'legacy' })).rejects.toThrow('no legacy engine');
  });

  it('runs legacy-engine jobs on its legacy worker, which does not count as a page worker', async () => {
    const pool = await OcrPool.create({ workers: 1, languages: ['eng'], legacyWorkers: 1 });
    try {
      expect(pool.size).toBe(1);
      expect(pool.hasLegacy).toBe(true);
      const [legacy, lstm] = await Promise.all([pool.recognize(blankPage(), { engine: 'legacy' }), pool.recognize(blankPage())]);
      expect(legacy.text).toEqual(expect.any(String));
      expect(lstm.text).toEqual(expect.any(String));
    } finally {
      await pool.terminate();
    }
  });

  it('gives up on a job its worker never answers, replaces the worker, and goes on with the queue', async () => {
    // tesseract.js's own worker, deaf to recognize jobs: a thread that hangs mid-page.
    const script = path.join(await mkdtemp(path.join(tmpdir(), 'ocr-pool-')), 'deaf-worker.cjs');
    const tesseractScript = createRequire(__filename).resolve('tesseract.js/src/worker-script/node/index.js');
    await writeFile(
      script,
      `const { parentPort } = require('node:worker_threads');
       const on = parentPort.on.bind(parentPort);
       parentPort.on = (event, handler) => on(event, (packet) => packet.action === 'recognize' || handler(packet));
       require(${JSON.stringify(tesseractScript)});`,
    );
    const pool = await OcrPool.create({ workers: 1, languages: ['eng'], jobTimeoutMs: 300, workerScript: script });
    try {
      const [first, second] = await Promise.allSettled([pool.recognize(blankPage()), pool.recognize(blankPage())]);
      expect(first).toEqual({ status: 'rejected', reason: new Error('OCR took longer than 300 ms') });
      expect(second).toEqual({ status: 'rejected', reason: new Error('OCR took longer than 300 ms') });
    } finally {
      await pool.terminate();
    }
  });

  it('refuses a language whose data package is not installed', async () => {
    await expect(OcrPool.create({ workers: 1, languages: ['xyz'] })).rejects.toThrow('@tesseract.js-data/xyz');
  });
});
