import { PaddlePool } from './paddle-pool';

/** A white page with one black bar: something for the detector, quickly read. */
function page(width = 320, height = 96): { data: Uint8Array; width: number; height: number } {
  const data = new Uint8Array(width * height).fill(255);
  for (let top = 40; top + 16 < height; top += 40) for (let y = top; y < top + 16; y++) for (let x = 40; x < width - 40; x += 3) data[y * width + x] = 0;
  return { data, width, height };
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(PaddlePool.name, () => {
  it('fails a page that takes too long and replaces its thread', async () => {
    const pool = await PaddlePool.create({ workers: 1, jobTimeoutMs: 1 });
    try {
      await expect(pool.read(page())).rejects.toThrow('Paddle OCR took longer than 1 ms');
      await until(() => pool.size === 1);
    } finally {
      await pool.terminate();
    }
  });

  it('ends threads in the middle of a page without taking the process down', async () => {
    // Terminating a thread while onnxruntime runs in it aborted the whole process.
    for (let round = 0; round < 4; round++) {
      const pool = await PaddlePool.create({ workers: 1, jobTimeoutMs: 20 + 20 * round });
      const timedOut = pool.read(page(960, 1280));
      await expect(timedOut).rejects.toThrow('took longer');
      const running = pool.read(page(960, 1280));
      await new Promise((resolve) => setTimeout(resolve, 10 * round));
      await pool.terminate();
      await expect(running).rejects.toThrow(/terminated|took longer/);
    }
  });

  it('lets an aborted caller go, keeps reading for the others, and refuses work once terminated', async () => {
    const pool = await PaddlePool.create({ workers: 1 });
    const controller = new AbortController();
    const first = pool.read(page());
    const aborted = pool.read(page(), controller.signal);
    controller.abort(new Error('the client went away'));
    await expect(aborted).rejects.toThrow('the client went away');
    await expect(first).resolves.toMatchObject({ lines: expect.any(Array) });
    const running = expect(pool.read(page())).rejects.toThrow('terminated');
    const queued = expect(pool.read(page())).rejects.toThrow('terminated');
    await pool.terminate();
    await Promise.all([running, queued]);
    await expect(pool.read(page())).rejects.toThrow('terminated');
  });
});
