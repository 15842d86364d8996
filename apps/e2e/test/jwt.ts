import { createHmac, createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

const b64 = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

export type Signer = { rsa: KeyObject | string } | { hmac: string | Buffer } | 'none';

/** Builds a JWT by hand, so tests can make the tokens an attacker would. */
export function makeJwt(header: Record<string, unknown>, payload: Record<string, unknown>, signer: Signer): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  if (signer === 'none') return `${signingInput}.`;
  const signature =
    'rsa' in signer
      ? sign('sha256', Buffer.from(signingInput), typeof signer.rsa === 'string' ? createPrivateKey(signer.rsa) : signer.rsa)
      : createHmac('sha256', signer.hmac).update(signingInput).digest();
  return `${signingInput}.${b64(signature)}`;
}

export function accessClaims(userId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: userId, iss: 'irp-auth', aud: 'irp-api', iat: now, exp: now + 600, jti: randomUUID(), ...overrides };
}

export function otherRsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));
}
