import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKey, migratePlatform, startPlatform, type PlatformOptions, type RunningPlatform } from '@irp/embedded-infra';
import { startTestInfrastructure, type TestInfrastructure } from './env';

/** The workspace root (dist/ is under it), whether this runs from the sources or from dist/. */
export const WORKSPACE_ROOT = workspaceRoot(__dirname);

function workspaceRoot(dir: string): string {
  for (let at = dir; at !== path.dirname(at); at = path.dirname(at)) if (existsSync(path.join(at, 'nx.json'))) return at;
  throw new Error(`no workspace (nx.json) above ${dir}`);
}

export interface TestPlatform extends RunningPlatform {
  infra: TestInfrastructure;
  signingKey: string;
  close(): Promise<void>;
}

const E2E_RATE_LIMITS = {
  AUTH_RATE_LIMIT: '100000',
  RATE_LIMIT_READS: '100000',
  RATE_LIMIT_WRITES: '100000',
  RATE_LIMIT_UPLOADS: '100000',
  RATE_LIMIT_UPLOAD_BYTES: String(100 * 1024 ** 3),
};

/**
 * The whole platform for end-to-end tests: its own database and NATS server, migrations applied,
 * every service built under dist/ running as its own process on random ports.
 */
export async function startTestPlatform(
  options: Pick<PlatformOptions, 'env' | 'serviceEnv'> & { signingKey?: string } = {},
): Promise<TestPlatform> {
  const infra = await startTestInfrastructure();
  const signingKey = options.signingKey ?? generateSigningKey();
  const platformOptions: PlatformOptions = {
    root: WORKSPACE_ROOT,
    databaseUrl: infra.database.url,
    natsUrl: infra.nats.url,
    busPasswords: infra.nats.busPasswords,
    secrets: { AUTH_JWT_PRIVATE_KEY: signingKey, MAIL_CREDENTIAL_KEYS: `test:${randomBytes(32).toString('base64')}` },
    ports: 'random',
    env: { ...infra.env, ...options.env },
    // No test reaches the internet: the rates feed is off unless a test points it somewhere.
    // One OCR worker is enough for tests and leaves a core for the rest.
    serviceEnv: {
      ...options.serviceEnv,
      // Budgets no ordinary test reaches; the rate-limit tests set their own.
      gateway: { ...E2E_RATE_LIMITS, ...options.serviceEnv?.gateway },
      expenses: { FX_FEED_ENABLED: 'false', ...options.serviceEnv?.expenses },
      ocr: { OCR_WORKERS: '1', ...options.serviceEnv?.ocr },
      // A free port per platform: test files run side by side (a mail test sets its own to reach it).
      'mail-ingest': { SMTP_PORT: '0', ...options.serviceEnv?.['mail-ingest'] },
    },
  };
  try {
    await migratePlatform(platformOptions);
    const platform = await startPlatform(platformOptions);
    return {
      ...platform,
      infra,
      signingKey,
      close: async () => {
        await platform.stop();
        await infra.dispose();
      },
    };
  } catch (error) {
    await infra.dispose();
    throw error;
  }
}
