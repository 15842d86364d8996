import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DtoValidationError, parseDto, type TaxProfileView } from '@irp/contracts';
import { profileInconsistencies, TaxProfile } from './tax-profile';

/** Where the data files are: beside this module, in the sources and in dist/ (the build copies them). */
export const PROFILES_DIR = __dirname;

/** Reads and validates every profile file of a directory; a bad file stops the start, naming it and what is wrong. */
export function loadProfiles(dir: string = PROFILES_DIR): TaxProfile[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no tax profiles (*.json) in ${dir}`);
  return files.map((file) => {
    let profile: TaxProfile;
    try {
      profile = parseDto(TaxProfile, JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown);
    } catch (error) {
      const reason = error instanceof DtoValidationError ? error.fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(', ') : (error as Error).message;
      throw new Error(`tax profile ${file} is invalid: ${reason}`, { cause: error });
    }
    const problems = profileInconsistencies(profile);
    if (problems.length > 0) throw new Error(`tax profile ${file} is invalid: ${problems.join(', ')}`);
    if (`${profile.id}.json` !== file) throw new Error(`tax profile ${file} declares the id ${profile.id}`);
    return profile;
  });
}

/** The profiles shipped with the service, loaded once. */
@Injectable()
export class ProfileCatalog {
  private readonly profiles = new Map(loadProfiles().map((profile) => [profile.id, profile]));

  all(): TaxProfile[] {
    return [...this.profiles.values()];
  }

  find(id: string): TaxProfile | undefined {
    return this.profiles.get(id);
  }
}

export function toProfileView(profile: TaxProfile): TaxProfileView {
  return {
    id: profile.id,
    version: profile.version,
    name: profile.name,
    country: profile.country,
    currency: profile.currency,
    form: profile.form,
    source: profile.source,
    taxYearStart: profile.taxYearStart,
    inputTaxReclaimable: profile.inputTaxReclaimable,
    standardRate: profile.standardRate ?? null,
    lines: profile.lines.map(({ code, label, source }) => ({ code, label, source })),
    mappings: profile.mappings.map(({ category, line, deductiblePercent }) => ({ category, line, deductiblePercent, overridden: false })),
    fallbackLine: profile.fallbackLine,
  };
}
