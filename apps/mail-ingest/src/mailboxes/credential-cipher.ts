import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

export interface CredentialKey {
  id: string;
  key: Buffer;
}

/**
 * Mailbox passwords at rest: AES-256-GCM with a key id in the ciphertext, so keys can rotate. The
 * first key encrypts; every listed key decrypts, and a secret under an older key is re-encrypted
 * when next used. The row's id is bound in as additional data: a ciphertext copied onto another
 * mailbox does not decrypt.
 */
export class CredentialCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(private readonly ring: readonly CredentialKey[]) {
    if (ring.length === 0) throw new Error('no credential keys');
    this.keys = new Map(ring.map(({ id, key }) => [id, key]));
  }

  get currentKeyId(): string {
    return this.ring[0].id;
  }

  encrypt(plaintext: string, boundTo: string): string {
    const { id, key } = this.ring[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string, boundTo: string): string {
    const [version, id, iv, tag, body] = sealed.split('.');
    const key = this.keys.get(id);
    if (version !== 'v1' || !key) throw new Error(`no credential key "${id}" to decrypt with`);
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Sealed under an older key: to be sealed again under the current one. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentKeyId;
  }
}

/** `MAIL_CREDENTIAL_KEYS`: `id:base64key[,id:base64key…]`, each key 32 bytes, the current one first. */
export function parseCredentialKeys(value: string): CredentialKey[] {
  return value.split(',').map((entry, index) => {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id ?? '') || key.length !== 32) {
      throw new Error(`MAIL_CREDENTIAL_KEYS entry ${index + 1} must be <id>:<32 bytes in base64>`);
    }
    return { id, key };
  });
}
