import type { AccessTokenClaims } from '@irp/contracts';

/**
 * Access tokens already verified, with their claims, until they expire: a client sends the same
 * token for its whole lifetime, and checking its signature again was the gateway's largest cost
 * per request. Keyed by the whole token, signature included, so a changed token is never a hit.
 * Bounded: past `maxEntries` the oldest entry goes.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (claims && claims.exp * 1000 <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: AccessTokenClaims): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }

  /** After a key change: a token signed with a key no longer served must be refused. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
