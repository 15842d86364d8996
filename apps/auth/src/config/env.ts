import { IsEmpty, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { databaseServiceConfig, DatabaseServiceEnv, type DatabaseServiceConfig, loadEnv } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class AuthEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('auth').opsPort;

  /** PEM of the RSA private key access tokens are signed with (literal `\n` accepted for newlines). */
  @Matches(/-----BEGIN (RSA )?PRIVATE KEY-----/, { message: 'AUTH_JWT_PRIVATE_KEY must be a PEM-encoded RSA private key' })
  AUTH_JWT_PRIVATE_KEY!: string;

  /** PEMs of earlier public keys still published in the JWKS while their tokens may be alive. */
  @IsOptional()
  @IsString()
  AUTH_JWT_RETIRED_PUBLIC_KEYS?: string;

  /** No longer read: it gave `admin` to whoever registered a listed address first. Set, it stops the start. */
  @IsEmpty({ message: 'AUTH_ADMIN_EMAILS is no longer read: grant the role to an existing account with `node dist/apps/auth/src/roles.js grant <email>`' })
  AUTH_ADMIN_EMAILS?: string;

  @IsInt()
  @Min(60)
  @Max(3600)
  AUTH_ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  AUTH_REFRESH_TOKEN_TTL_DAYS: number = 30;

  /**
   * Seconds after a refresh token is used during which it is still accepted once more (a client
   * refreshing from two tabs at once), issuing a sibling instead of ending the session. 0: any
   * reuse ends the session.
   */
  @IsInt()
  @Min(0)
  @Max(60)
  AUTH_REFRESH_REUSE_GRACE_SECONDS: number = 0;

  /** argon2id cost; the defaults are OWASP's minimum recommendation (19 MiB, 2 passes). */
  @IsInt()
  @Min(8192)
  @Max(1048576)
  AUTH_ARGON2_MEMORY_KIB: number = 19456;

  @IsInt()
  @Min(1)
  @Max(10)
  AUTH_ARGON2_TIME_COST: number = 2;
}

export interface AuthConfig extends DatabaseServiceConfig {
  tokens: { privateKeyPem: string; retiredPublicKeysPem?: string; accessTtlSeconds: number; refreshTtlDays: number; reuseGraceMs: number };
  passwords: { memoryKib: number; timeCost: number };
}

const pem = (value: string) => value.replace(/\\n/g, '\n');

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const e = loadEnv(AuthEnv, env);
  return {
    ...databaseServiceConfig(e),
    tokens: {
      privateKeyPem: pem(e.AUTH_JWT_PRIVATE_KEY),
      retiredPublicKeysPem: e.AUTH_JWT_RETIRED_PUBLIC_KEYS && pem(e.AUTH_JWT_RETIRED_PUBLIC_KEYS),
      accessTtlSeconds: e.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: e.AUTH_REFRESH_TOKEN_TTL_DAYS,
      reuseGraceMs: e.AUTH_REFRESH_REUSE_GRACE_SECONDS * 1000,
    },
    passwords: { memoryKib: e.AUTH_ARGON2_MEMORY_KIB, timeCost: e.AUTH_ARGON2_TIME_COST },
  };
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
