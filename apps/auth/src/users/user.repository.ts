import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { recordEvent } from '@irp/messaging';
import { SUBJECTS } from '@irp/contracts';
import { normalizeEmail, User } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { emailNormalized: normalizeEmail(email) });
  }

  /** Stores the user and its `user.registered` event together; false when the e-mail is taken. */
  async addWithRegisteredEvent(user: User): Promise<boolean> {
    try {
      await this.em.transactional(async (tx) => {
        tx.persist(user);
        recordEvent(tx, SUBJECTS.userRegistered, user.id, { userId: user.id, email: user.email });
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  async updatePasswordHash(user: User, passwordHash: string): Promise<void> {
    user.passwordHash = passwordHash;
    await this.em.flush();
  }
}
