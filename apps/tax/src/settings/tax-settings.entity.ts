import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A user's tax profile and the day their tax year starts (MM-DD). */
@Entity({ tableName: 'tax_settings' })
export class TaxSettings {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  profileId: string;

  @Property({ type: 'text' })
  taxYearStart: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(userId: string, profileId: string, taxYearStart: string) {
    this.userId = userId;
    this.profileId = profileId;
    this.taxYearStart = taxYearStart;
  }
}
