import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

/**
 * One refresh token of a login session ("family"). Only its SHA-256 is stored. Each use rotates
 * it: the token is marked used and a new one of the same family issued. A used token presented
 * again means it was stolen, and the whole family is revoked, unless it comes back within
 * AUTH_REFRESH_REUSE_GRACE_SECONDS of its first use (two tabs refreshing at once).
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Index()
  @Property({ type: 'uuid' })
  familyId: string;

  @Property({ type: 'text', unique: true })
  tokenHash: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  constructor(user: User, familyId: string, tokenHash: string, expiresAt: Date) {
    this.user = user;
    this.familyId = familyId;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
