import { ArrayType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** As the user typed it (trimmed). */
  @Property({ type: 'text' })
  email: string;

  /** Lower-cased: the unique key, so addresses differing only in case are one account. */
  @Property({ type: 'text', unique: true })
  emailNormalized: string;

  @Property({ type: 'text', hidden: true })
  passwordHash: string;

  /** Granted by an operator with the roles CLI, never through the API: `admin` for operators. */
  @Property({ type: ArrayType, defaultRaw: `'{}'` })
  roles: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(email: string, passwordHash: string) {
    this.email = email.trim();
    this.emailNormalized = normalizeEmail(email);
    this.passwordHash = passwordHash;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
