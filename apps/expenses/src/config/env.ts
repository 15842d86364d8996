import { IsBoolean, IsInt, IsString, IsUrl, Max, Min } from 'class-validator';
import { databaseServiceConfig, DatabaseServiceEnv, type DatabaseServiceConfig, EnvBoolean, loadEnv } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class ExpensesEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('expenses').opsPort;

  /** Fetch the ECB reference rates on a schedule. */
  @EnvBoolean()
  @IsBoolean()
  FX_FEED_ENABLED: boolean = true;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  FX_ECB_DAILY_URL: string = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

  /** Fetched at start when the newest stored rate is older than a few days (backfill). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  FX_ECB_HISTORY_URL: string = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml';

  /** Cron (UTC) of the daily fetch; the ECB publishes around 16:00 CET on working days. */
  @IsString()
  FX_FETCH_CRON: string = '0 30 15,17 * * 1-5';

  @IsInt()
  @Min(1000)
  @Max(120_000)
  FX_FETCH_TIMEOUT_MS: number = 15_000;

  /** How often expenses waiting for a rate are tried again. */
  @IsInt()
  @Min(1)
  PENDING_CONVERSION_INTERVAL_SECONDS: number = 300;

  /** Bytes of documents each user may keep (the documents bucket has no limit of its own); 0: no quota. */
  @IsInt()
  @Min(0)
  DOCUMENTS_QUOTA_BYTES: number = 1024 ** 3;
}

export interface ExpensesConfig extends DatabaseServiceConfig {
  fx: { feedEnabled: boolean; dailyUrl: string; historyUrl: string; cron: string; timeoutMs: number; pendingIntervalMs: number };
  documents: { quotaBytes: number };
}

export function loadExpensesConfig(env: NodeJS.ProcessEnv): ExpensesConfig {
  const e = loadEnv(ExpensesEnv, env);
  return {
    ...databaseServiceConfig(e),
    fx: {
      feedEnabled: e.FX_FEED_ENABLED,
      dailyUrl: e.FX_ECB_DAILY_URL,
      historyUrl: e.FX_ECB_HISTORY_URL,
      cron: e.FX_FETCH_CRON,
      timeoutMs: e.FX_FETCH_TIMEOUT_MS,
      pendingIntervalMs: e.PENDING_CONVERSION_INTERVAL_SECONDS * 1000,
    },
    documents: { quotaBytes: e.DOCUMENTS_QUOTA_BYTES },
  };
}

export const EXPENSES_CONFIG = Symbol('EXPENSES_CONFIG');
