import { cropRegion } from './crop-region';

function pgmSize(pgm: Buffer): { width: number; height: number } {
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)/.exec(pgm.subarray(0, 20).toString('latin1')) ?? [];
  return { width: Number(width), height: Number(height) };
}

describe(cropRegion.name, () => {
  const image = { data: new Uint8Array(100 * 50).fill(255), width: 100, height: 50 };

  it('keeps the padding around the region and enlarges it', async () => {
    const sut = await cropRegion(image, { left: 20, top: 20, width: 40, height: 10 }, { padding: 0.5, scale: 2 });
    expect(pgmSize(sut)).toEqual({ width: 100, height: 40 });
  });

  it('stays inside the image', async () => {
    const sut = await cropRegion(image, { left: 90, top: 45, width: 30, height: 10 }, { padding: 0.3, scale: 1 });
    expect(pgmSize(sut)).toEqual({ width: 13, height: 8 });
  });
});
