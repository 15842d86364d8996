import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { SAME_IMAGE_MAX_HAMMING_DISTANCE } from '@irp/contracts';
import { SAMPLE_RECEIPTS_DIR } from '@irp/testing';
import { hammingDistance, perceptualHash } from './image-hash';

const receipts = readdirSync(SAMPLE_RECEIPTS_DIR)
  .filter((file) => file.endsWith('.jpg'))
  .map((file) => readFileSync(path.join(SAMPLE_RECEIPTS_DIR, file)));

describe(perceptualHash.name, () => {
  let hashes: string[];

  beforeAll(async () => {
    hashes = await Promise.all(receipts.map(perceptualHash));
  }, 60_000);

  it('is 64 bits of hex, the same for the same bytes', async () => {
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(await perceptualHash(receipts[0])).toBe(hashes[0]);
  });

  it('finds the same picture re-encoded or rescaled within the tuned distance', async () => {
    for (const [index, receipt] of receipts.slice(0, 10).entries()) {
      const { width = 1000 } = await sharp(receipt).metadata();
      const variants = [await sharp(receipt).jpeg({ quality: 40 }).toBuffer(), await sharp(receipt).resize(Math.round(width / 2)).toBuffer()];
      for (const variant of variants) expect(hammingDistance(hashes[index], await perceptualHash(variant))).toBeLessThanOrEqual(SAME_IMAGE_MAX_HAMMING_DISTANCE);
    }
  }, 60_000);

  it('never calls two different receipts the same picture', () => {
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) expect(hammingDistance(hashes[i], hashes[j])).toBeGreaterThan(SAME_IMAGE_MAX_HAMMING_DISTANCE);
    }
  });
});

describe(hammingDistance.name, () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('000000000000000f', '0000000000000001')).toBe(3);
  });
});
