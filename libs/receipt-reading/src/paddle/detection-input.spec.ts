import { detectionInput, detectionScale } from './detection-input';

const page = (width: number, height: number, value = 0) => ({ data: new Uint8Array(width * height).fill(value), width, height });

describe(detectionInput.name, () => {
  it('pads a small page white to multiples of 32 without enlarging it', async () => {
    const input = await detectionInput(page(50, 70), { maxSide: 1280, maxPixels: 1_000_000 });
    expect(input).toMatchObject({ width: 64, height: 96, scale: 1 });
    expect(input.tensor).toHaveLength(3 * 64 * 96);
    const area = 64 * 96;
    // Black page pixels and white padding, ImageNet-normalised per channel (R: mean 0.485, std 0.229).
    expect(input.tensor[0]).toBeCloseTo(-0.485 / 0.229, 4);
    expect(input.tensor[63]).toBeCloseTo((1 - 0.485) / 0.229, 4);
    expect(input.tensor[2 * area]).toBeCloseTo(-0.406 / 0.225, 4);
  });

  it('scales a long receipt down to the longest side allowed', async () => {
    const input = await detectionInput(page(600, 3000, 255), { maxSide: 1280, maxPixels: 10_000_000 });
    expect(input.height).toBe(1280);
    expect(input.width).toBe(256); // 600 × 1280 / 3000 = 256
    expect(input.scale).toBeCloseTo(256 / 600, 5);
  });

  it('and to the pixels allowed, whichever bounds it more', () => {
    expect(detectionScale(2000, 2000, { maxSide: 1600, maxPixels: 1_000_000 })).toBeCloseTo(0.5, 5);
    expect(detectionScale(800, 1000, { maxSide: 1600, maxPixels: 1_000_000 })).toBe(1);
  });
});
