import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  DomainError,
  ErrorCode,
  SUBJECTS,
  type AccessTokenClaims,
} from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/env';
import { VerifiedTokenCache } from './verified-token-cache';

/** At most one JWKS fetch per this interval when tokens arrive signed with an unknown key. */
const UNKNOWN_KEY_REFETCH_MS = 30_000;
/** Verified tokens remembered: about one per active client, a few MB at most. */
const VERIFIED_TOKENS_KEPT = 10_000;

const invalidToken = (detail = 'the access token is invalid') => new DomainError(ErrorCode.UNAUTHENTICATED, detail);

/**
 * Verifies access tokens locally with the auth service's public keys: the JWKS is fetched over
 * NATS at start and refreshed on a timer (and when a token names a key id not seen yet, as after
 * a key rotation), so no request waits on the auth service.
 */
@Injectable()
export class AccessTokenVerifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(AccessTokenVerifier.name);
  /** Each accepted key by key id, parsed once (not per request). */
  private keys = new Map<string, KeyObject>();
  private readonly verified = new VerifiedTokenCache(VERIFIED_TOKENS_KEPT);
  private lastFetch = 0;
  private fetching?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    private readonly jwt: JwtService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The auth service may start after us: then keys are fetched on the first token.
    await this.refreshKeys().catch((error: unknown) => this.log.warn({ err: error }, 'JWKS not available yet'));
    this.timer = setInterval(() => {
      this.refreshKeys().catch((error: unknown) => this.log.warn({ err: error }, 'JWKS refresh failed; keeping the keys we have'));
    }, this.config.jwksRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known) return known;
    const claims = await this.verifySignature(token);
    this.verified.set(token, claims);
    return claims;
  }

  private async verifySignature(token: string): Promise<AccessTokenClaims> {
    const decoded = this.jwt.decode<{ header?: { alg?: unknown; kid?: unknown } } | null>(token, { complete: true });
    const header = decoded?.header;
    // Only our algorithm, and only with a key id: this is what rejects `alg: none` and HS256-with-public-key tricks.
    if (!header || header.alg !== ACCESS_TOKEN_ALGORITHM || typeof header.kid !== 'string') throw invalidToken();
    const key = await this.keyFor(header.kid);
    try {
      return this.jwt.verify<AccessTokenClaims>(token, {
        // jsonwebtoken takes a KeyObject; @nestjs/jwt's type only lists strings and buffers.
        publicKey: key as unknown as string,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
    } catch (error) {
      throw invalidToken((error as Error).name === 'TokenExpiredError' ? 'the access token has expired' : undefined);
    }
  }

  private async keyFor(kid: string): Promise<KeyObject> {
    let key = this.keys.get(kid);
    if (!key && (this.keys.size === 0 || Date.now() - this.lastFetch > UNKNOWN_KEY_REFETCH_MS)) {
      await this.refreshKeys().catch((error: unknown) => {
        if (this.keys.size > 0) return; // keep serving with what we have
        throw error instanceof DomainError ? error : new DomainError(ErrorCode.UNAVAILABLE, 'token keys are not available yet');
      });
      key = this.keys.get(kid);
    }
    if (!key) throw invalidToken();
    return key;
  }

  private refreshKeys(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const jwks = await this.rpc.request(SUBJECTS.getJwks, {});
        const keys = new Map<string, KeyObject>();
        for (const jwk of jwks.keys) {
          if (jwk.alg !== ACCESS_TOKEN_ALGORITHM || jwk.use !== 'sig') continue;
          keys.set(jwk.kid, createPublicKey({ key: jwk as never, format: 'jwk' }));
        }
        if (!sameKeys(keys, this.keys)) this.verified.clear();
        this.keys = keys;
        this.lastFetch = Date.now();
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }
}

function sameKeys(a: ReadonlyMap<string, KeyObject>, b: ReadonlyMap<string, KeyObject>): boolean {
  return a.size === b.size && [...a].every(([kid, key]) => b.get(kid)?.equals(key) === true);
}
