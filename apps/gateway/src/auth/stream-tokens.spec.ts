import { JwtService } from '@nestjs/jwt';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@irp/contracts';
import type { GatewayConfig } from '../config/env';
import { StreamTokens } from './stream-tokens';

const SECRET = 'a-test-secret-of-at-least-32-characters';

/** With a configured secret, NATS is never asked (the shared key is tested on NATS in test/). */
function tokens(ttlSeconds: number, secret = SECRET): StreamTokens {
  return new StreamTokens({ streamTokens: { secret, ttlSeconds } } as GatewayConfig, new JwtService(), undefined as unknown as NatsConnection);
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('UNAUTHENTICATED');
  return (error as DomainError).message;
}

describe(StreamTokens.name, () => {
  const userId = randomUUID();
  const documentId = randomUUID();

  it('issues a token naming its user for its document, expiring after the TTL', async () => {
    const sut = tokens(120);
    const { token, expiresAt } = await sut.issue(userId, documentId);
    expect(await sut.verify(token, documentId)).toBe(userId);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(118_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
  });

  it('refuses it for another document', async () => {
    const sut = tokens(120);
    const { token } = await sut.issue(userId, documentId);
    expect(await refusal(() => sut.verify(token, randomUUID()))).toContain('another document');
  });

  it('refuses it once expired', async () => {
    const sut = tokens(0);
    const { token } = await sut.issue(userId, documentId);
    expect(await refusal(() => sut.verify(token, documentId))).toContain('expired');
  });

  it('refuses a token signed with another key, or tampered with', async () => {
    const { token } = await tokens(120, 'another-secret-of-at-least-32-characters').issue(userId, documentId);
    expect(await refusal(() => tokens(120).verify(token, documentId))).toContain('invalid');
    const [header, , signature] = (await tokens(120).issue(userId, documentId)).token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: randomUUID(), doc: documentId, aud: 'irp:document-events', iss: 'irp-gateway', exp: 9_999_999_999 })).toString('base64url');
    expect(await refusal(() => tokens(120).verify(`${header}.${forged}.${signature}`, documentId))).toContain('invalid');
  });

  it('refuses a token made for another audience with the same key (an access token, say)', async () => {
    const other = new JwtService().sign({ doc: documentId }, { secret: SECRET, subject: userId, audience: 'irp-api', issuer: 'irp-gateway', expiresIn: 60 });
    expect(await refusal(() => tokens(120).verify(other, documentId))).toContain('invalid');
  });
});
