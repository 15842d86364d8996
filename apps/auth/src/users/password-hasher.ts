import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AUTH_CONFIG, type AuthConfig } from '../config/env';

/** argon2id hashing with the configured cost; hashes carry their parameters, so costs can rise later. */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw: false };
  /** Verified against when the e-mail is unknown, so both paths take the same time. */
  private dummyHash?: Promise<string>;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.options = { type: argon2.argon2id, memoryCost: config.passwords.memoryKib, timeCost: config.passwords.timeCost, parallelism: 1, raw: false };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Burns the time a verification would, for an account that does not exist. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('an unguessable placeholder password');
    await this.verify(await this.dummyHash, password);
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
