/**
 * Which engines read an image: Tesseract alone (its LSTM, with line re-reads and the legacy
 * engine's second opinions), PaddleOCR alone, or both with their readings combined.
 */
export const ENGINE_SETTINGS = ['tesseract', 'paddle', 'paddle+tesseract'] as const;
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
