import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

/** A user's category; expenses point at it by id, so renaming or merging never loses one. */
@Entity({ tableName: 'category' })
@Unique({ properties: ['userId', 'nameNormalized'] })
export class Category {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  name: string;

  /** Lower-cased and trimmed: names are unique per user whatever their case. */
  @Property({ type: 'text' })
  nameNormalized: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(userId: string, name: string) {
    this.userId = userId;
    this.name = name.trim();
    this.nameNormalized = normalizeCategoryName(name);
  }

  rename(name: string): void {
    this.name = name.trim();
    this.nameNormalized = normalizeCategoryName(name);
  }
}

export function normalizeCategoryName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
