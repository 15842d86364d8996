import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedFields } from '@irp/contracts';
// The tool measures the domain reader itself, which a type:tool project may not import by the
// workspace's tag rules (tools may use contracts and platform libs only); see the hand-over note.
import { DocumentReader, extractFields, type EngineSetting } from '@irp/receipt-reading';
import type { DatasetDocument } from './dataset';
import { boxesToText } from './ground-truth-text';
import { scoreFields, type FieldScores, type ScoreOptions } from './score';

export interface DocumentResult {
  id: string;
  truth: DatasetDocument['truth'];
  scores: FieldScores;
  /** Wall time of this document's read, in seconds (null when not read, as for ground-truth text). */
  seconds: number | null;
  fields: ExtractedFields | null;
  error: string | null;
}

type ReadOptions = ScoreOptions & { saveText: string | null; secondOpinion: boolean; engines: EngineSetting };

/** Reads every document with a fresh reader of `workers` workers, one document per worker at a time. */
export async function readDataset(documents: readonly DatasetDocument[], workers: number, options: ReadOptions): Promise<DocumentResult[]> {
  const reader = await DocumentReader.create({ workers, secondOpinion: options.secondOpinion, engines: options.engines });
  try {
    return await evaluateWithReader(documents, reader, workers, options);
  } finally {
    await reader.terminate();
  }
}

async function evaluateWithReader(
  documents: readonly DatasetDocument[],
  reader: DocumentReader,
  concurrency: number,
  options: ReadOptions,
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = new Array(documents.length);
  if (options.saveText) await mkdir(options.saveText, { recursive: true });
  let next = 0;
  const runOne = async (): Promise<void> => {
    while (next < documents.length) {
      const index = next++;
      results[index] = await readOne(documents[index], reader, options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, runOne));
  return results;
}

async function readOne(document: DatasetDocument, reader: DocumentReader, options: ReadOptions): Promise<DocumentResult> {
  const bytes = await readFile(document.file);
  const started = performance.now();
  const { id, truth } = document;
  try {
    const extraction = await reader.read(bytes, { mimeType: document.mimeType });
    const seconds = (performance.now() - started) / 1000;
    if (options.saveText) await writeFile(path.join(options.saveText, `${id}.txt`), extraction.text);
    return { id, truth, scores: scoreFields(extraction.fields, truth, options), seconds, fields: extraction.fields, error: null };
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    const failed = scoreFields(EMPTY_FIELDS, truth, options);
    return { id, truth, scores: failed, seconds, fields: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The extractor on texts saved by an earlier --save-text run (tuning without OCR). */
export async function evaluateSavedText(documents: readonly DatasetDocument[], directory: string, options: ScoreOptions): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  for (const { id, truth } of documents) {
    const text = await readFile(path.join(directory, `${id}.txt`), 'utf8').catch(() => null);
    if (text === null) continue;
    const fields = extractFields(text);
    results.push({ id, truth, scores: scoreFields(fields, truth, options), seconds: null, fields, error: null });
  }
  return results;
}

/** The extractor alone on the dataset's OCR ground truth: its ceiling, independent of OCR quality. */
export async function evaluateGroundTruthText(documents: readonly DatasetDocument[], options: ScoreOptions): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  for (const document of documents) {
    if (!document.boxFile) continue;
    const fields = extractFields(boxesToText(await readFile(document.boxFile, 'utf8')));
    results.push({ id: document.id, truth: document.truth, scores: scoreFields(fields, document.truth, options), seconds: null, fields, error: null });
  }
  return results;
}

/** Wall seconds to read the documents with a fresh reader of `workers` workers (start-up excluded). */
export async function timeReading(documents: readonly DatasetDocument[], workers: number, options: { secondOpinion: boolean; engines: EngineSetting }): Promise<number> {
  const reader = await DocumentReader.create({ workers, ...options });
  try {
    const files = await Promise.all(documents.map((document) => readFile(document.file)));
    const started = performance.now();
    await Promise.all(documents.map((document, i) => reader.read(files[i], { mimeType: document.mimeType }).catch(() => null)));
    return (performance.now() - started) / 1000;
  } finally {
    await reader.terminate();
  }
}

const EMPTY_FIELDS: ExtractedFields = {
  vendorName: null,
  vendorAddress: null,
  vendorPhone: null,
  vendorTaxId: null,
  date: null,
  total: null,
  subtotal: null,
  tip: null,
  currency: null,
  paymentMethod: null,
  cardLast4: null,
  documentNumber: null,
  taxLines: [],
  lineItems: [],
};
