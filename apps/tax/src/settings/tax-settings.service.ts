import { Injectable } from '@nestjs/common';
import type { SelectTaxProfileBody, MappingOverrideBody, TaxSettingsView } from '@irp/contracts';
import { CategoryRules, defaultPercentFor } from '../profiles/category-rules';

import { ProfileCatalog } from '../profiles/profile-catalog';
import { ProfilesErrors } from '../profiles/profiles.errors';
import type { TaxProfile } from '../profiles/tax-profile';
import { CategoryOverride } from './category-override.entity';
import { TaxSettingsRepository } from './tax-settings.repository';
import { isYearlyDay } from './tax-year';

/** What a report or a lookup needs of a user's choice. */
export interface EffectiveSettings {
  profile: TaxProfile;
  taxYearStart: string;
  rules: CategoryRules;
}

@Injectable()
export class TaxSettingsService {
  constructor(
    private readonly settings: TaxSettingsRepository,
    private readonly catalog: ProfileCatalog,
  ) {}

  async view(userId: string): Promise<TaxSettingsView> {
    const effective = await this.effective(userId);
    if (!effective) return { profileId: null, taxYearStart: null, mappings: [] };
    return { profileId: effective.profile.id, taxYearStart: effective.taxYearStart, mappings: effective.rules.views() };
  }

  async select(userId: string, { profileId, taxYearStart }: SelectTaxProfileBody): Promise<TaxSettingsView> {
    const profile = this.profile(profileId);
    if (taxYearStart !== undefined && !isYearlyDay(taxYearStart)) throw ProfilesErrors.badTaxYearStart();
    await this.settings.save(userId, profile.id, taxYearStart ?? profile.taxYearStart);
    return this.view(userId);
  }

  async setMapping(userId: string, { category, line, deductiblePercent }: MappingOverrideBody): Promise<TaxSettingsView> {
    const current = await this.settings.find(userId);
    if (!current) throw ProfilesErrors.noProfile();
    const profile = this.profile(current.profileId);
    const name = category.trim().toLowerCase();
    if (line === null) {
      await this.settings.removeOverride(userId, profile.id, name);
    } else {
      if (!profile.lines.some((known) => known.code === line)) throw ProfilesErrors.unknownLine(profile.id, line);
      const percent = deductiblePercent ?? defaultPercentFor(profile, line);
      await this.settings.upsertOverride(new CategoryOverride({ userId, profileId: profile.id, category: name, line, deductiblePercent: percent }));
    }
    return this.view(userId);
  }

  /** The user's settings, or another profile's defaults with their overrides for it; null with nothing chosen. */
  async effective(userId: string, profileId?: string): Promise<EffectiveSettings | null> {
    const current = await this.settings.find(userId);
    const id = profileId ?? current?.profileId;
    if (!id) return null;
    const profile = this.profile(id);
    const taxYearStart = current && current.profileId === id ? current.taxYearStart : profile.taxYearStart;
    return { profile, taxYearStart, rules: new CategoryRules(profile, await this.settings.overrides(userId, id)) };
  }

  profile(id: string): TaxProfile {
    const profile = this.catalog.find(id);
    if (!profile) throw ProfilesErrors.unknownProfile(id);
    return profile;
  }
}
