import { LINE_HEIGHT, lineCrop, recognitionBatch } from './recognition-input';

describe(lineCrop.name, () => {
  it('scales a box to the recogniser height, its width in proportion', async () => {
    const image = { data: new Uint8Array(400 * 100).fill(200), width: 400, height: 100 };
    const crop = await lineCrop(image, { left: 10, top: 10, width: 240, height: 24 });
    expect(crop.width).toBe(480);
    expect(crop.pixels).toHaveLength(480 * LINE_HEIGHT);
  });

  it('clips a box reaching past the page', async () => {
    const image = { data: new Uint8Array(100 * 100).fill(0), width: 100, height: 100 };
    const crop = await lineCrop(image, { left: 80, top: 90, width: 60, height: 30 });
    expect(crop.width).toBe(96); // the 20 × 10 px inside the page
  });
});

describe(recognitionBatch.name, () => {
  it('pads narrower crops with 0 to the widest and scales pixels to [-1, 1]', () => {
    const narrow = { pixels: new Uint8Array(2 * LINE_HEIGHT).fill(255), width: 2 };
    const wide = { pixels: new Uint8Array(4 * LINE_HEIGHT).fill(0), width: 4 };
    const batch = recognitionBatch([narrow, wide]);
    expect(batch.width).toBe(4);
    const plane = LINE_HEIGHT * 4;
    expect(Array.from(batch.tensor.subarray(0, 4))).toEqual([1, 1, 0, 0]);
    expect(batch.tensor[2 * plane + 1]).toBe(1); // third channel, same value
    expect(batch.tensor[3 * plane]).toBe(-1); // second crop
  });
});
