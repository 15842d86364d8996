import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
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

  /** Window of the read and write budgets below. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** GET requests per user (or, anonymous, per client IP) within the window. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_READS: number = 600;

  /** POST/PATCH/PUT/DELETE requests per user (or client IP) within the window. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES: number = 120;

  /** Window of the upload budgets (an hour by default). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_UPLOAD_WINDOW_SECONDS: number = 3600;

  /** Document uploads per user within the upload window. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_UPLOADS: number = 100;

  /** Bytes uploaded per user within the upload window (by Content-Length; the upload limit when it is absent). */
  @IsInt()
  @Min(1024)
  RATE_LIMIT_UPLOAD_BYTES: number = 512 * 1024 * 1024;

  /** HMAC key of document stream tokens, the same on every replica; unset, a random one the replicas share in NATS KV. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  STREAM_TOKEN_SECRET?: string;

  /** How long a document stream token opens (and reopens) the stream. */
  @IsInt()
  @Min(10)
  @Max(3600)
  STREAM_TOKEN_TTL_SECONDS: number = 300;

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

/** A budget: so many units (requests, or bytes) per caller per window. */
export interface RateBudget {
  limit: number;
  windowMs: number;
}

export interface RateLimitBudgets {
  /** Per client IP and route, on sign-in routes. */
  auth: RateBudget;
  reads: RateBudget;
  writes: RateBudget;
  uploads: RateBudget;
  uploadBytes: RateBudget;
}

export interface GatewayConfig extends ServiceConfig {
  http: { host: string; port: number; trustProxy: boolean; bodyLimit: number; corsOrigins: string[] };
  rateLimits: RateLimitBudgets;
  streamTokens: { secret?: string; ttlSeconds: number };
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
    rateLimits: {
      auth: { limit: e.AUTH_RATE_LIMIT, windowMs: e.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000 },
      reads: { limit: e.RATE_LIMIT_READS, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
      writes: { limit: e.RATE_LIMIT_WRITES, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
      uploads: { limit: e.RATE_LIMIT_UPLOADS, windowMs: e.RATE_LIMIT_UPLOAD_WINDOW_SECONDS * 1000 },
      uploadBytes: { limit: e.RATE_LIMIT_UPLOAD_BYTES, windowMs: e.RATE_LIMIT_UPLOAD_WINDOW_SECONDS * 1000 },
    },
    streamTokens: { secret: e.STREAM_TOKEN_SECRET, ttlSeconds: e.STREAM_TOKEN_TTL_SECONDS },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, maxPixels: e.UPLOAD_MAX_PIXELS },
    jwksRefreshMs: e.JWKS_REFRESH_SECONDS * 1000,
    rpcTimeoutMs: e.RPC_TIMEOUT_MS,
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
