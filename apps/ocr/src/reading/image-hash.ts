import sharp from 'sharp';

const SIZE = 32;
const KEPT = 8;

/** cos((2x + 1) u π / 2N) for the DCT, computed once. */
const COSINES = Array.from({ length: KEPT }, (_, u) => Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))));

/**
 * A 64-bit perceptual hash (pHash, hex): the signs of the lowest frequencies of the picture
 * against their median. Re-encoding, rescaling or relighting the same picture moves few bits;
 * different receipts differ in about half of them.
 */
export async function perceptualHash(image: Buffer): Promise<string> {
  const pixels = await sharp(image, { limitInputPixels: 100_000_000 }).rotate().greyscale().resize(SIZE, SIZE, { fit: 'fill' }).raw().toBuffer();
  const coefficients: number[] = [];
  for (let u = 0; u < KEPT; u++) {
    for (let v = 0; v < KEPT; v++) {
      let sum = 0;
      for (let x = 0; x < SIZE; x++) for (let y = 0; y < SIZE; y++) sum += pixels[y * SIZE + x] * COSINES[u][x] * COSINES[v][y];
      coefficients.push(sum);
    }
  }
  const ac = coefficients.slice(1); // the DC term is overall brightness, not structure
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)];
  let bits = 0n;
  for (const value of coefficients) bits = (bits << 1n) | (value > median ? 1n : 0n);
  return bits.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
