import { createCanvas } from '@napi-rs/canvas';

/** A receipt as a scanner would give it: black monospace lines on white, as a PNG. */
export async function receiptImage(lines: readonly string[], options: { fontSize?: number; width?: number } = {}): Promise<Buffer> {
  const fontSize = options.fontSize ?? 22;
  const lineHeight = Math.round(fontSize * 1.6);
  const canvas = createCanvas(options.width ?? 640, lineHeight * (lines.length + 2));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = `${fontSize}px monospace`;
  context.textBaseline = 'top';
  lines.forEach((line, i) => context.fillText(line, 30, lineHeight * (i + 1)));
  return canvas.encode('png');
}
