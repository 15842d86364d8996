import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@irp/contracts';
import type { GatewayConfig } from '../config/env';
import { StreamTokens } from './stream-tokens';

const SECRET = 'a-test-secret-of-at-least-32-characters';

function tokens(ttlSeconds: number, secret: string | null = SECRET): StreamTokens {
  return new StreamTokens({ streamTokens: { secret: secret ?? undefined, ttlSeconds } } as GatewayConfig, new JwtService());
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNAUTHENTICATED');
    return (error as DomainError).message;
  }
  throw new Error('the token was accepted');
}

describe(StreamTokens.name, () => {
  const userId = randomUUID();
  const documentId = randomUUID();

  it('issues a token naming its user for its document, expiring after the TTL', () => {
    const sut = tokens(120);
    const { token, expiresAt } = sut.issue(userId, documentId);
    expect(sut.verify(token, documentId)).toBe(userId);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(118_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
  });

  it('refuses it for another document', () => {
    const sut = tokens(120);
    const { token } = sut.issue(userId, documentId);
    expect(refusal(() => sut.verify(token, randomUUID()))).toContain('another document');
  });

  it('refuses it once expired', () => {
    const sut = tokens(0);
    const { token } = sut.issue(userId, documentId);
    expect(refusal(() => sut.verify(token, documentId))).toContain('expired');
  });

  it('refuses a token signed with another key, or tampered with', () => {
    const { token } = tokens(120, 'another-secret-of-at-least-32-characters').issue(userId, documentId);
    expect(refusal(() => tokens(120).verify(token, documentId))).toContain('invalid');
    const [header, , signature] = tokens(120).issue(userId, documentId).token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: randomUUID(), doc: documentId, aud: 'irp:document-events', iss: 'irp-gateway', exp: 9_999_999_999 })).toString('base64url');
    expect(refusal(() => tokens(120).verify(`${header}.${forged}.${signature}`, documentId))).toContain('invalid');
  });

  it('refuses a token made for another audience with the same key (an access token, say)', () => {
    const other = new JwtService().sign({ doc: documentId }, { secret: SECRET, subject: userId, audience: 'irp-api', issuer: 'irp-gateway', expiresIn: 60 });
    expect(refusal(() => tokens(120).verify(other, documentId))).toContain('invalid');
  });

  it('signs with a random key of its own when no secret is configured', () => {
    const a = tokens(120, null);
    const b = tokens(120, null);
    const { token } = a.issue(userId, documentId);
    expect(a.verify(token, documentId)).toBe(userId);
    expect(refusal(() => b.verify(token, documentId))).toContain('invalid');
  });
});
