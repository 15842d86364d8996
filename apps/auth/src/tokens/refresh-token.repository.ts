import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { RefreshToken } from './refresh-token.entity';

@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly em: EntityManager) {}

  /** Runs `work` in a transaction holding a row lock on the token (concurrent refreshes queue up). */
  withLockedToken<T>(tokenHash: string, work: (token: RefreshToken | null) => Promise<T>): Promise<T> {
    return this.em.transactional(async (tx) => {
      const token = await tx.findOne(RefreshToken, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] });
      return work(token);
    });
  }

  add(token: RefreshToken): void {
    this.em.persist(token);
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.em.findOne(RefreshToken, { tokenHash });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }
}
