import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DEFAULT_BASE_CURRENCY, DEFAULT_LOCALE } from '@irp/contracts';

@Entity({ tableName: 'user_settings' })
export class UserSettings {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  baseCurrency: string = DEFAULT_BASE_CURRENCY;

  @Property({ type: 'text' })
  locale: string = DEFAULT_LOCALE;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(userId: string) {
    this.userId = userId;
  }
}
