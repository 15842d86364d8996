import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type TokenPair } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { AUTH_CONFIG, type AuthConfig } from '../config/env';
import type { User } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SigningKeys } from './signing-keys';
import { TokensErrors } from './tokens.errors';

const DAY_MS = 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

@Injectable()
export class TokensService {
  private readonly log = getLogger(TokensService.name);

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly keys: SigningKeys,
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  /** A new session: an access token and the first refresh token of a new family. */
  async issue(user: User): Promise<TokenPair> {
    const refreshToken = this.newRefreshToken(user, randomUUID());
    await this.refreshTokens.flush();
    return this.pair(user, refreshToken);
  }

  async refresh(presented: string): Promise<TokenPair> {
    const outcome = await this.refreshTokens.withLockedToken(hashToken(presented), async (token) => {
      if (!token || token.revokedAt) return { ok: false as const };
      if (token.usedAt && !this.withinReuseGrace(token.usedAt)) {
        // A rotated token came back: someone holds a copy. End the whole session.
        await this.refreshTokens.revokeFamily(token.familyId);
        this.log.warn({ userId: token.user.id, familyId: token.familyId }, 'refresh token reuse; session revoked');
        return { ok: false as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { ok: false as const };
      token.usedAt ??= new Date(); // a reuse within the grace gets a sibling; the grace runs from the first use
      const next = this.newRefreshToken(token.user, token.familyId);
      return { ok: true as const, user: token.user, next };
    });
    if (!outcome.ok) throw TokensErrors.invalidRefreshToken();
    return this.pair(outcome.user, outcome.next);
  }

  /** Two tabs refreshing at once present the same token a moment apart: that is not theft. */
  private withinReuseGrace(usedAt: Date): boolean {
    const { reuseGraceMs } = this.config.tokens;
    return reuseGraceMs > 0 && Date.now() - usedAt.getTime() <= reuseGraceMs;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async revoke(presented: string): Promise<boolean> {
    const token = await this.refreshTokens.findByHash(hashToken(presented));
    if (!token) return false;
    await this.refreshTokens.revokeFamily(token.familyId);
    return true;
  }

  private newRefreshToken(user: User, familyId: string): string {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokens.refreshTtlDays * DAY_MS);
    this.refreshTokens.add(new RefreshToken(user, familyId, hashToken(token), expiresAt));
    return token;
  }

  private pair(user: User, refreshToken: string): TokenPair {
    const expiresIn = this.config.tokens.accessTtlSeconds;
    const accessToken = this.jwt.sign(
      { roles: [...user.roles] },
      {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        privateKey: this.keys.privateKey,
        keyid: this.keys.keyId,
        subject: user.id,
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        jwtid: randomUUID(),
        expiresIn,
      },
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn };
  }
}
