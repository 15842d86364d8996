import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_LENGTH = 24;

/** 120 random bits in lower-case base32: unguessable, and safe as an address's local part. */
export function newInboxToken(): string {
  return [...randomBytes(TOKEN_LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export const INBOX_TOKEN_PATTERN = /^[a-z2-7]{24}$/;
