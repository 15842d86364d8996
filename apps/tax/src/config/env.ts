import { IsInt, Max, Min } from 'class-validator';
import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class TaxEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('tax').opsPort;

  /** How long a report's files are kept after it is produced. */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  TAX_REPORT_TTL_HOURS: number = 24;

  /** How often queued reports (of a replica that stopped) and expired files are looked for. */
  @IsInt()
  @Min(1)
  @Max(3600)
  TAX_REPORT_POLL_SECONDS: number = 10;
}

export interface TaxConfig extends DatabaseServiceConfig {
  reports: { ttlMs: number; pollIntervalMs: number };
}

export function loadTaxConfig(env: NodeJS.ProcessEnv): TaxConfig {
  const e = loadEnv(TaxEnv, env);
  return { ...databaseServiceConfig(e), reports: { ttlMs: e.TAX_REPORT_TTL_HOURS * 3_600_000, pollIntervalMs: e.TAX_REPORT_POLL_SECONDS * 1000 } };
}

export const TAX_CONFIG = Symbol('TAX_CONFIG');
