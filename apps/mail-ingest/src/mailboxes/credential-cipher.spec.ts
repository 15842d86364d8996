import { randomBytes } from 'node:crypto';
import { CredentialCipher, parseCredentialKeys } from './credential-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe(CredentialCipher.name, () => {
  it('seals and opens a password bound to its mailbox, never in the clear', () => {
    const sut = new CredentialCipher([key('k1')]);
    const sealed = sut.encrypt('hunter2 ü', 'mailbox-1');
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('hunter2');
    expect(sut.decrypt(sealed, 'mailbox-1')).toBe('hunter2 ü');
    expect(() => sut.decrypt(sealed, 'mailbox-2')).toThrow();
  });

  it('rotates: a new key encrypts, the old one still opens what it sealed, which is then stale', () => {
    const old = key('old');
    const sealed = new CredentialCipher([old]).encrypt('pw', 'm');
    const sut = new CredentialCipher([key('new'), old]);
    expect(sut.decrypt(sealed, 'm')).toBe('pw');
    expect(sut.isStale(sealed)).toBe(true);
    expect(sut.isStale(sut.encrypt('pw', 'm'))).toBe(false);
    expect(() => new CredentialCipher([key('other')]).decrypt(sealed, 'm')).toThrow('no credential key "old"');
  });

  it('refuses a tampered ciphertext', () => {
    const sut = new CredentialCipher([key('k')]);
    const parts = sut.encrypt('pw', 'm').split('.');
    parts[4] = Buffer.from('xx').toString('base64url');
    expect(() => sut.decrypt(parts.join('.'), 'm')).toThrow();
  });

  it('reads keys from the environment form and names a bad entry', () => {
    const encoded = randomBytes(32).toString('base64');
    expect(parseCredentialKeys(`k2:${encoded}, k1:${encoded}`).map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => parseCredentialKeys('k1:short')).toThrow('MAIL_CREDENTIAL_KEYS entry 1 must be <id>:<32 bytes in base64>');
  });
});
