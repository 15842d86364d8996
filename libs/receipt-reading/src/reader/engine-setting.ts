/**
 * Which engines read an image: Tesseract alone (its LSTM, with line re-reads and the legacy
 * engine's second opinions); PaddleOCR alone; both reading the whole page, their readings
 * combined (`paddle+tesseract`); or Tesseract reading the page and Paddle re-reading only its
 * header, total and date lines as a second opinion (`tesseract+paddle`).
 */
export const ENGINE_SETTINGS = ['tesseract', 'paddle', 'paddle+tesseract', 'tesseract+paddle'] as const;
export type EngineSetting = (typeof ENGINE_SETTINGS)[number];

export function isEngineSetting(value: string): value is EngineSetting {
  return (ENGINE_SETTINGS as readonly string[]).includes(value);
}

export function usesTesseract(setting: EngineSetting): boolean {
  return setting !== 'paddle';
}

export function usesPaddle(setting: EngineSetting): boolean {
  return setting !== 'tesseract';
}

/**
 * The setting that measured best on accuracy within the time and memory targets (median ≤ 1.5 s
 * per receipt per worker, ≤ 1 GB per worker; figures in the README). `paddle` reads more fields
 * right on sroie-dev but takes about 1.8× Tesseract's time per receipt here, and its recogniser
 * has no currency symbols (€, £, ¥) or accents: one variable away, for English-only deployments.
 */
export const DEFAULT_ENGINE_SETTING: EngineSetting = 'tesseract';
