/** An 8-bit greyscale image, one byte per pixel, rows top to bottom. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle in pixels of an image. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The image as PGM (binary greymap): Leptonica reads it without decoding, unlike PNG or JPEG. */
export function toPgm(image: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.data]);
}

/** Brightness at or below which `fraction` of the pixels lie (sampled). */
export function brightnessPercentile(data: Uint8Array, fraction: number): number {
  const histogram = new Uint32Array(256);
  const step = 7;
  let samples = 0;
  for (let i = 0; i < data.length; i += step) {
    histogram[data[i]]++;
    samples++;
  }
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value];
    if (seen >= samples * fraction) return value;
  }
  return 255;
}
