import type { AccessTokenClaims } from '@irp/contracts';
import { VerifiedTokenCache } from './verified-token-cache';

const claims = (sub: string, exp: number): AccessTokenClaims => ({ sub, roles: [], iss: 'irp-auth', aud: 'irp-api', iat: exp - 900, exp, jti: sub });

describe(VerifiedTokenCache.name, () => {
  let now = 1_000_000_000_000;
  const sut = () => new VerifiedTokenCache(2, () => now);

  it('answers a verified token with its claims until it expires', () => {
    const cache = sut();
    cache.set('a.b.c', claims('u1', now / 1000 + 60));
    expect(cache.get('a.b.c')?.sub).toBe('u1');
    expect(cache.get('a.b.d')).toBeUndefined();
    now += 60_000;
    expect(cache.get('a.b.c')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its bound, dropping the oldest', () => {
    const cache = sut();
    for (const token of ['t1', 't2', 't3']) cache.set(token, claims(token, now / 1000 + 60));
    expect([cache.get('t1'), cache.get('t2')?.sub, cache.get('t3')?.sub]).toEqual([undefined, 't2', 't3']);
  });

  it('forgets everything when cleared', () => {
    const cache = sut();
    cache.set('t1', claims('t1', now / 1000 + 60));
    cache.clear();
    expect(cache.get('t1')).toBeUndefined();
  });
});
