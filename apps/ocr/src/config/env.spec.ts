import { ConfigError } from '@irp/config';
import { DEFAULT_ENGINE_SETTING } from '@irp/receipt-reading';
import { loadOcrConfig } from './env';

describe(loadOcrConfig.name, () => {
  const env = { DATABASE_URL: 'postgres://ocr:secret@localhost:5432/ocr', NATS_URL: 'nats://localhost:4222' };

  it('reads the OCR engines, with the measured default', () => {
    expect(loadOcrConfig(env).reading.engines).toBe(DEFAULT_ENGINE_SETTING);
    expect(loadOcrConfig({ ...env, OCR_ENGINES: 'paddle+tesseract' }).reading.engines).toBe('paddle+tesseract');
  });

  it('refuses an engine setting it does not know, naming the choices', () => {
    expect(() => loadOcrConfig({ ...env, OCR_ENGINES: 'easyocr' })).toThrow(ConfigError);
    expect(() => loadOcrConfig({ ...env, OCR_ENGINES: 'easyocr' })).toThrow(/OCR_ENGINES must be one of tesseract, paddle, paddle\+tesseract/);
  });
});
