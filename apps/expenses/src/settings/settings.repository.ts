import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { UserSettings } from './user-settings.entity';

@Injectable()
export class SettingsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user's settings; the defaults (not stored) when never changed. */
  async get(userId: string): Promise<UserSettings> {
    return (await this.em.findOne(UserSettings, { userId })) ?? new UserSettings(userId);
  }

  /** Base currency of many users at once (defaults for users without settings). */
  async baseCurrencies(userIds: string[]): Promise<Map<string, string>> {
    const found = await this.em.find(UserSettings, { userId: { $in: userIds } });
    return new Map(userIds.map((id) => [id, found.find((s) => s.userId === id)?.baseCurrency ?? new UserSettings(id).baseCurrency]));
  }

  save(settings: UserSettings): void {
    this.em.persist(settings);
  }
}
