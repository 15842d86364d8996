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

/** Measured best on accuracy within the time and memory targets (see the README's figures). */
export const DEFAULT_ENGINE_SETTING: EngineSetting = 'tesseract';
