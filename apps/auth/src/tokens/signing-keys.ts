import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, type Jwk, type Jwks } from '@irp/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../config/env';

/** RFC 7638 thumbprint: a key id derived from the key itself, stable across restarts and replicas. */
function thumbprint(jwk: JsonWebKeyInput): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

interface JsonWebKeyInput {
  kty?: string;
  n?: string;
  e?: string;
}

function toJwk(publicKey: KeyObject): Jwk {
  const jwk = publicKey.export({ format: 'jwk' }) as JsonWebKeyInput;
  if (jwk.kty !== 'RSA') throw new Error('signing keys must be RSA keys');
  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: thumbprint(jwk), alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
}

/** The key access tokens are signed with, and the public keys verifiers may accept. */
@Injectable()
export class SigningKeys {
  readonly privateKey: KeyObject;
  readonly keyId: string;
  readonly jwks: Jwks;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.privateKey = createPrivateKey(config.tokens.privateKeyPem);
    if (this.privateKey.asymmetricKeyType !== 'rsa' || (this.privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
      throw new Error('AUTH_JWT_PRIVATE_KEY must be an RSA key of at least 2048 bits');
    }
    const current = toJwk(createPublicKey(this.privateKey));
    const retired = (config.tokens.retiredPublicKeysPem?.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [])
      .map((pem) => toJwk(createPublicKey(pem)))
      .filter((jwk) => jwk.kid !== current.kid);
    this.keyId = current.kid;
    this.jwks = { keys: [current, ...retired] };
  }
}
