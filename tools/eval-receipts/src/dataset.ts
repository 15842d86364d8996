import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface GroundTruth {
  company: string | null;
  date: string | null;
  address: string | null;
  total: string | null;
}

export interface DatasetDocument {
  id: string;
  file: string;
  mimeType: string;
  truth: GroundTruth;
  /** `<ID>.box.txt`, the dataset's OCR ground truth, when present. */
  boxFile: string | null;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/** The documents of a directory laid out as `<ID>.jpg|.png|.pdf` beside `<ID>.json`, sorted by id. */
export async function loadDataset(directory: string): Promise<DatasetDocument[]> {
  const names = new Set(await readdir(directory));
  const documents: DatasetDocument[] = [];
  for (const name of [...names].sort()) {
    const extension = path.extname(name).toLowerCase();
    const mimeType = MIME_TYPES[extension];
    const id = name.slice(0, -extension.length);
    if (!mimeType || !names.has(`${id}.json`)) continue;
    const truth = parseTruth(await readFile(path.join(directory, `${id}.json`), 'utf8'));
    const boxFile = names.has(`${id}.box.txt`) ? path.join(directory, `${id}.box.txt`) : null;
    documents.push({ id, file: path.join(directory, name), mimeType, truth, boxFile });
  }
  return documents;
}

function parseTruth(json: string): GroundTruth {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const field = (key: string): string | null => (typeof raw[key] === 'string' && raw[key].trim() ? raw[key].trim() : null);
  return { company: field('company'), date: field('date'), address: field('address'), total: field('total') };
}
