import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUniqueViolation } from '@irp/persistence';
import { normalizeEmail, User } from './user.entity';
import { UsersErrors } from './users.errors';

@Injectable()
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { emailNormalized: normalizeEmail(email) });
  }

  /** Stores a new user; the unique index on the e-mail decides races between two registrations of one address. */
  async add(user: User): Promise<void> {
    try {
      await this.em.persist(user).flush();
    } catch (error) {
      if (isUniqueViolation(error)) throw UsersErrors.emailTaken();
      throw error;
    }
  }

  async updatePasswordHash(user: User, passwordHash: string): Promise<void> {
    user.passwordHash = passwordHash;
    await this.em.flush();
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }
}
