import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CategoryOverride } from './category-override.entity';
import { TaxSettings } from './tax-settings.entity';

@Injectable()
export class TaxSettingsRepository {
  constructor(private readonly em: EntityManager) {}

  find(userId: string): Promise<TaxSettings | null> {
    return this.em.findOne(TaxSettings, { userId });
  }

  async save(userId: string, profileId: string, taxYearStart: string): Promise<TaxSettings> {
    const settings = (await this.find(userId)) ?? this.em.create(TaxSettings, new TaxSettings(userId, profileId, taxYearStart));
    settings.profileId = profileId;
    settings.taxYearStart = taxYearStart;
    await this.em.persist(settings).flush();
    return settings;
  }

  overrides(userId: string, profileId: string): Promise<CategoryOverride[]> {
    return this.em.find(CategoryOverride, { userId, profileId }, { orderBy: { category: 'asc' } });
  }

  async upsertOverride(override: CategoryOverride): Promise<void> {
    await this.em.upsert(CategoryOverride, override);
  }

  async removeOverride(userId: string, profileId: string, category: string): Promise<void> {
    await this.em.nativeDelete(CategoryOverride, { userId, profileId, category });
  }
}
