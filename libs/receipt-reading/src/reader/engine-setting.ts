/**
 * Which engines read an image: Tesseract alone (its LSTM, with line re-reads and the legacy
 * engine's second opinions); PaddleOCR alone; both reading the whole page, their readings
 * combined (`paddle+tesseract`); or Tesseract reading the page and Paddle re-reading only its
 * header, total and date lines as a second opinion (`tesseract+paddle`); or Paddle reading the page
 * and Tesseract re-reading its header lines, for the brackets, commas and colons Paddle drops, and
 * its priced lines, for the currency symbols Paddle cannot read and a second opinion on the total
 * (`paddle+tesseract-amounts`).
 */
export const ENGINE_SETTINGS = ['tesseract', 'paddle', 'paddle+tesseract', 'tesseract+paddle', 'paddle+tesseract-amounts'] as const;
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
 * Paddle's reading with Tesseract's on its header and priced lines: on sroie-dev company, date,
 * address and total 15, 6.5, 8 and 9 points above Tesseract's, with the currency symbols Paddle
 * alone cannot read, at about twice Tesseract's time and memory (figures in the README).
 */
export const DEFAULT_ENGINE_SETTING: EngineSetting = 'paddle+tesseract-amounts';
