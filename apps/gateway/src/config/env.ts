import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { EnvBoolean, loadEnv, serviceConfig, ServiceEnv, type ServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class GatewayEnv extends ServiceEnv {
  override OPS_PORT: number = serviceNamed('gateway').opsPort;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** Trust X-Forwarded-* from a proxy in front (for client IPs in rate limits). */
  @EnvBoolean()
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  /** Largest JSON body accepted. */
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES: number = 1_048_576;

  /** Requests per client IP and route on /auth/* within the window. */
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT: number = 10;

  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** How often the auth service's public keys are fetched again. */
  @IsInt()
  @Min(5)
  JWKS_REFRESH_SECONDS: number = 300;

  @IsInt()
  @Min(100)
  @Max(60_000)
  RPC_TIMEOUT_MS: number = 5_000;

  /** Largest document upload (checked while streaming, before anything is kept). */
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES: number = 20 * 1024 * 1024;

  /** Largest image, in pixels: a tiny file can claim to be a 50,000 × 50,000 picture (decompression bomb). */
  @IsInt()
  @Min(1_000_000)
  UPLOAD_MAX_PIXELS: number = 60_000_000;

  /** Comma-separated origins allowed by CORS; none when unset. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;
}

export interface GatewayConfig extends ServiceConfig {
  http: { host: string; port: number; trustProxy: boolean; bodyLimit: number; corsOrigins: string[] };
  authRateLimit: { limit: number; windowMs: number };
  uploads: { maxBytes: number; maxPixels: number };
  jwksRefreshMs: number;
  rpcTimeoutMs: number;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const e = loadEnv(GatewayEnv, env);
  return {
    ...serviceConfig(e),
    http: {
      host: e.HOST,
      port: e.PORT,
      trustProxy: e.TRUST_PROXY,
      bodyLimit: e.BODY_LIMIT_BYTES,
      corsOrigins: e.CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean) ?? [],
    },
    authRateLimit: { limit: e.AUTH_RATE_LIMIT, windowMs: e.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000 },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, maxPixels: e.UPLOAD_MAX_PIXELS },
    jwksRefreshMs: e.JWKS_REFRESH_SECONDS * 1000,
    rpcTimeoutMs: e.RPC_TIMEOUT_MS,
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
