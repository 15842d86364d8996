import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { availableParallelism } from 'node:os';
import { databaseServiceConfig, DatabaseServiceEnv, type DatabaseServiceConfig, loadEnv } from '@irp/config';
import { DEFAULT_ENGINE_SETTING, ENGINE_SETTINGS, type EngineSetting } from '@irp/receipt-reading';
import { serviceNamed } from '@irp/service-registry';

class OcrEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('ocr').opsPort;

  /** OCR workers kept warm (tesseract.js); one per core reads fastest. */
  @IsInt()
  @Min(1)
  @Max(64)
  OCR_WORKERS: number = availableParallelism();

  /** Tesseract languages, '+'-separated (each needs its @tesseract.js-data package). */
  @IsString()
  @Matches(/^[a-z_]{3,8}(\+[a-z_]{3,8})*$/, { message: 'OCR_LANGUAGES must look like eng or eng+deu' })
  OCR_LANGUAGES: string = 'eng';

  /** The OCR engines that read images: tesseract, paddle (PaddleOCR on onnxruntime), or paddle+tesseract (both, combined). */
  @IsIn(ENGINE_SETTINGS, { message: `OCR_ENGINES must be one of ${ENGINE_SETTINGS.join(', ')}` })
  OCR_ENGINES: EngineSetting = DEFAULT_ENGINE_SETTING;

  /** How long a job may go without a heartbeat before JetStream gives it to another worker. */
  @IsInt()
  @Min(5)
  @Max(3600)
  OCR_ACK_WAIT_SECONDS: number = 60;

  /** Attempts per document before it is dead-lettered and marked failed. */
  @IsInt()
  @Min(1)
  @Max(20)
  OCR_MAX_DELIVER: number = 3;

  /** Longest one document may take to read. */
  @IsInt()
  @Min(5)
  @Max(3600)
  OCR_JOB_TIMEOUT_SECONDS: number = 300;
}

export interface OcrConfig extends DatabaseServiceConfig {
  reading: { workers: number; languages: string[]; engines: EngineSetting; ackWaitMs: number; maxDeliver: number; timeoutMs: number };
}

export function loadOcrConfig(env: NodeJS.ProcessEnv): OcrConfig {
  const e = loadEnv(OcrEnv, env);
  return {
    ...databaseServiceConfig(e),
    reading: {
      workers: e.OCR_WORKERS,
      languages: e.OCR_LANGUAGES.split('+'),
      engines: e.OCR_ENGINES,
      ackWaitMs: e.OCR_ACK_WAIT_SECONDS * 1000,
      maxDeliver: e.OCR_MAX_DELIVER,
      timeoutMs: e.OCR_JOB_TIMEOUT_SECONDS * 1000,
    },
  };
}

export const OCR_CONFIG = Symbol('OCR_CONFIG');
