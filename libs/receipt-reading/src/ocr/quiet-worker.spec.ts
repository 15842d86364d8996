import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { quietWorkerUrl } from './quiet-worker';

describe(quietWorkerUrl.name, () => {
  it("runs the script with Leptonica's diagnostics dropped from stderr and the rest kept", async () => {
    const script = path.join(await mkdtemp(path.join(tmpdir(), 'quiet-worker-')), 'noisy.cjs');
    await writeFile(
      script,
      `console.error('Error in boxClipToRectangle: box outside rectangle');
       console.error('Warning in pixScanForForeground: invalid box');
       console.error('Error: the worker really failed');
       console.error({ detail: 'not a string first' });`,
    );
    const worker = new Worker(quietWorkerUrl(script), { stderr: true });
    let printed = '';
    worker.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await new Promise((resolve) => worker.stderr.once('end', resolve));

    expect(printed).not.toMatch(/boxClipToRectangle|pixScanForForeground/);
    expect(printed).toMatch(/Error: the worker really failed/);
    expect(printed).toMatch(/not a string first/);
  });

  it('ends only its thread, not the process, on an error thrown outside a job', async () => {
    const script = path.join(await mkdtemp(path.join(tmpdir(), 'quiet-worker-')), 'failing.cjs');
    await writeFile(script, `setTimeout(() => { throw new Error('the engine failed'); }, 10);`);
    const worker = new Worker(quietWorkerUrl(script), { stderr: true });
    const errors: unknown[] = [];
    worker.on('error', (error) => errors.push(error));
    let printed = '';
    worker.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const [code] = (await once(worker, 'exit')) as [number];

    expect(code).toBe(1);
    expect(errors).toEqual([]);
    expect(printed).toMatch(/OCR worker thread failed:.*the engine failed/s);
  });
});
