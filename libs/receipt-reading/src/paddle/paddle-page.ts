import { Tensor } from 'onnxruntime-node';
import type { GreyImage, Region } from '../image/grey-image';
import type { OcrLine, OcrPage } from '../ocr/ocr-pool';
import { ctcGreedyDecode, type DecodedText } from './ctc-decode';
import { detectionInput, type DetectionInputOptions } from './detection-input';
import type { PaddleModels } from './paddle-models';
import { lineText } from './line-text';
import { intoLines } from './reading-order';
import { LINE_HEIGHT, lineCrop, recognitionBatch, type LineCrop } from './recognition-input';
import { textBoxes, type TextBox } from './text-boxes';

/** 1 MP: a receipt's small print is still found, and peak RSS stays well under 1 GB per worker (1.6 MP: 1.1–1.2 GB). */
export const DEFAULT_DETECTION_INPUT: DetectionInputOptions = { maxSide: 2048, maxPixels: 1_000_000 };
/** Crops recognised at once: similar widths (sorted), so little of a batch is padding; small, to bound memory. */
const BATCH_SIZE = 4;

/**
 * A page read by PaddleOCR: text boxes detected on the page scaled down to the detector's bounds,
 * each box cropped from the full-size page and recognised, boxes joined into lines. Line
 * confidences are 0–100, like Tesseract's.
 */
export async function readPaddlePage(models: PaddleModels, image: GreyImage, detection = DEFAULT_DETECTION_INPUT): Promise<OcrPage> {
  const boxes = await detectBoxes(models, image, detection);
  const readings = await recognise(models, image, boxes);
  const lines: OcrLine[] = intoLines(boxes.map((box, i) => ({ ...box, reading: readings[i] })))
    .map((line) => line.filter((box) => box.reading.text.trim() !== ''))
    .filter((line) => line.length > 0)
    .map(toLine);
  const confidence = lines.length ? lines.reduce((sum, line) => sum + line.confidence, 0) / lines.length : 0;
  return { text: lines.map((line) => line.text).join('\n') + (lines.length ? '\n' : ''), confidence, lines };
}

/** Given regions of the page (lines another engine found) recognised without detection, one line each. */
export async function readPaddleRegions(models: PaddleModels, image: GreyImage, regions: readonly Region[]): Promise<OcrLine[]> {
  const boxes = regions.map((region) => ({ ...region, score: 1 }));
  const readings = await recognise(models, image, boxes);
  return boxes.map((box, i) => toLine([{ ...box, reading: readings[i] }]));
}

/** Text boxes in page pixels. */
async function detectBoxes(models: PaddleModels, image: GreyImage, options: DetectionInputOptions): Promise<TextBox[]> {
  const input = await detectionInput(image, options);
  const feeds = { [models.detection.inputNames[0]]: new Tensor('float32', input.tensor, [1, 3, input.height, input.width]) };
  const output = (await models.detection.run(feeds))[models.detection.outputNames[0]];
  const [height, width] = output.dims.slice(-2);
  const boxes = textBoxes({ data: output.data as Float32Array, width, height });
  output.dispose();
  const toPage = (value: number) => Math.round(value / input.scale);
  return boxes
    .map((box) => ({ ...box, left: toPage(box.left), top: toPage(box.top), width: toPage(box.width), height: toPage(box.height) }))
    .filter((box) => box.left < image.width && box.top < image.height && box.width > 0 && box.height > 0);
}

async function recognise(models: PaddleModels, image: GreyImage, boxes: readonly TextBox[]): Promise<DecodedText[]> {
  const crops = await Promise.all(boxes.map((box) => lineCrop(image, box)));
  const order = crops.map((_, i) => i).sort((a, b) => crops[a].width - crops[b].width);
  const readings: DecodedText[] = new Array(crops.length);
  for (let start = 0; start < order.length; start += BATCH_SIZE) {
    const indexes = order.slice(start, start + BATCH_SIZE);
    const decoded = await recogniseBatch(models, indexes.map((i) => crops[i]));
    indexes.forEach((index, k) => (readings[index] = decoded[k]));
  }
  return readings;
}

async function recogniseBatch(models: PaddleModels, crops: readonly LineCrop[]): Promise<DecodedText[]> {
  const batch = recognitionBatch(crops);
  const feeds = { [models.recognition.inputNames[0]]: new Tensor('float32', batch.tensor, [crops.length, 3, LINE_HEIGHT, batch.width]) };
  const output = (await models.recognition.run(feeds))[models.recognition.outputNames[0]];
  const [count, steps, classes] = output.dims;
  const data = output.data as Float32Array;
  const decoded = Array.from({ length: count }, (_, n) =>
    ctcGreedyDecode(data.subarray(n * steps * classes, (n + 1) * steps * classes), steps, classes, models.dictionary),
  );
  output.dispose();
  return decoded;
}

function toLine(boxes: readonly (TextBox & { reading: DecodedText })[]): OcrLine {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  const characters = boxes.flatMap((b) => b.reading.characterConfidences);
  const confidence = characters.length ? (100 * characters.reduce((a, b) => a + b, 0)) / characters.length : 0;
  const text = lineText(boxes.map((b) => b.reading.text));
  return { text, confidence, box: { left, top, width: right - left, height: bottom - top } };
}
