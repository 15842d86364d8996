import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class BudgetsEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('budgets').opsPort;

  /** How often current periods are recomputed from the expenses service (0: never). */
  @IsInt()
  @Min(0)
  @Max(86_400)
  BUDGETS_RECONCILE_INTERVAL_SECONDS: number = 3600;

  /** Budgets whose last status readings are kept in memory to answer unchanged status reads (0: none). */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  BUDGETS_STATUS_READINGS_KEPT: number = 10_000;

  /**
   * Comma-separated addresses or CIDR ranges webhooks may reach although they are inside the
   * platform's network (loopback, private, link-local, ...): for trusted targets and tests only.
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_NETWORKS?: string;

  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** First retry delay; each further one doubles (with jitter) until WEBHOOK_RETRY_HOURS have passed. */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS: number = 30_000;

  @IsInt()
  @Min(0)
  @Max(168)
  WEBHOOK_RETRY_HOURS: number = 24;

  /** How often due deliveries are looked for (new alerts wake the worker at once). */
  @IsInt()
  @Min(10)
  @Max(600_000)
  WEBHOOK_POLL_INTERVAL_MS: number = 5_000;
}

export interface BudgetsConfig extends DatabaseServiceConfig {
  reconcileIntervalMs: number;
  statusReadingsKept: number;
  webhooks: { allowedNetworks: string[]; timeoutMs: number; retryBaseMs: number; retryForMs: number; pollIntervalMs: number };
}

export function loadBudgetsConfig(env: NodeJS.ProcessEnv): BudgetsConfig {
  const e = loadEnv(BudgetsEnv, env);
  return {
    ...databaseServiceConfig(e),
    reconcileIntervalMs: e.BUDGETS_RECONCILE_INTERVAL_SECONDS * 1000,
    statusReadingsKept: e.BUDGETS_STATUS_READINGS_KEPT,
    webhooks: {
      allowedNetworks: (e.WEBHOOK_ALLOWED_NETWORKS ?? '').split(',').map((entry) => entry.trim()).filter(Boolean),
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryForMs: e.WEBHOOK_RETRY_HOURS * 3_600_000,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
    },
  };
}

export const BUDGETS_CONFIG = Symbol('BUDGETS_CONFIG');
