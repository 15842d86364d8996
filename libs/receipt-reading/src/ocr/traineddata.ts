import { existsSync } from 'node:fs';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Model folders of the @tesseract.js-data packages, preferred first: LSTM-only, then with legacy. */
const MODEL_FOLDERS = ['4.0.0_best_int', '4.0.0'];
/** The folder whose model also holds the legacy (non-LSTM) engine's data. */
export const LEGACY_MODEL_FOLDERS = ['4.0.0'];

/**
 * A directory holding `<lang>.traineddata.gz` for every language, from the installed
 * `@tesseract.js-data/<lang>` packages: OCR never downloads anything. Tesseract.js takes one
 * directory for all languages, so several packages are linked into a temporary one.
 */
export async function traineddataDirectory(languages: readonly string[], folders: readonly string[] = MODEL_FOLDERS): Promise<string> {
  const files = languages.map((language) => ({ language, file: traineddataFile(language, folders) }));
  const directories = new Set(files.map(({ file }) => path.dirname(file)));
  if (directories.size === 1) return [...directories][0];
  const directory = await mkdtemp(path.join(tmpdir(), 'receipt-reading-tessdata-'));
  await Promise.all(files.map(({ language, file }) => symlink(file, path.join(directory, `${language}.traineddata.gz`))));
  return directory;
}

function traineddataFile(language: string, folders: readonly string[]): string {
  if (!/^[a-z_]{3,12}$/.test(language)) throw new Error(`"${language}" is not a Tesseract language code`);
  let packageRoot: string;
  try {
    packageRoot = path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  } catch {
    throw new Error(`OCR language "${language}" needs the npm package @tesseract.js-data/${language}`);
  }
  for (const folder of folders) {
    const file = path.join(packageRoot, folder, `${language}.traineddata.gz`);
    if (existsSync(file)) return file;
  }
  throw new Error(`@tesseract.js-data/${language} has no ${folders.join(' or ')} model`);
}
