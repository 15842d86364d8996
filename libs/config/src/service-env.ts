import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { EnvBoolean } from './load-env';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Variables every service reads. */
export class ServiceEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: string = 'info';

  @Matches(/^(nats|tls|wss?):\/\/[^,\s]+(,(nats|tls|wss?):\/\/[^,\s]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// URLs',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** The service's NATS user and password (least privilege, see README "The bus"); unset: anonymous. */
  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @ValidateIf((env: ServiceEnv) => env.NATS_USER !== undefined)
  @IsString({ message: 'NATS_PASSWORD must be set with NATS_USER' })
  NATS_PASSWORD?: string;

  /** Copies of each stream and KV/object bucket the service creates: 3 on a 3-node NATS cluster, 1 on one server. */
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsString()
  OPS_HOST: string = '0.0.0.0';

  @IsInt()
  @Min(0)
  @Max(65535)
  OPS_PORT!: number;
}

/** Variables of services that own a PostgreSQL schema. */
export class DatabaseServiceEnv extends ServiceEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_MAX: number = 10;

  /**
   * Wake the outbox relay with PostgreSQL notifications (LISTEN/NOTIFY). Turn off behind a
   * pooler that does not pass them on (PgBouncer in transaction mode) and poll more often instead.
   */
  @EnvBoolean()
  @IsBoolean()
  OUTBOX_LISTEN: boolean = true;

  /** How often the outbox relay looks for events to publish without being woken. */
  @IsInt()
  @Min(5)
  @Max(3_600_000)
  OUTBOX_POLL_INTERVAL_MS: number = 1_000;
}

/** The part of every service's configuration that comes from ServiceEnv. */
export interface ServiceConfig {
  logLevel: string;
  natsUrl: string;
  natsCredentials?: { user: string; password: string };
  natsStreamReplicas: number;
  ops: { host: string; port: number };
}

/** The part that comes from DatabaseServiceEnv. */
export interface DatabaseServiceConfig extends ServiceConfig {
  database: { url: string; poolMax: number };
  outbox: { listen: boolean; pollIntervalMs: number };
}

export function serviceConfig(env: ServiceEnv): ServiceConfig {
  const natsCredentials = env.NATS_USER ? { user: env.NATS_USER, password: env.NATS_PASSWORD ?? '' } : undefined;
  return { logLevel: env.LOG_LEVEL, natsUrl: env.NATS_URL, natsCredentials, natsStreamReplicas: env.NATS_STREAM_REPLICAS, ops: { host: env.OPS_HOST, port: env.OPS_PORT } };
}

export function databaseServiceConfig(env: DatabaseServiceEnv): DatabaseServiceConfig {
  return {
    ...serviceConfig(env),
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    outbox: { listen: env.OUTBOX_LISTEN, pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS },
  };
}
