import type { CategoryMappingView } from '@irp/contracts';
import type { TaxProfile } from './tax-profile';

/** Where one category goes: a line of the profile, the share deductible, whether its input tax is reclaimable. */
export interface CategoryRule {
  line: string;
  deductiblePercent: string;
  inputTaxExcluded: boolean;
  overridden: boolean;
}

export interface MappingOverride {
  category: string;
  line: string;
  deductiblePercent: string;
}

/** A profile's mapping with a user's overrides over it; categories it does not name go to the fallback line at 100%. */
export class CategoryRules {
  private readonly rules = new Map<string, CategoryRule>();

  constructor(
    readonly profile: TaxProfile,
    overrides: readonly MappingOverride[] = [],
  ) {
    for (const m of profile.mappings) {
      this.rules.set(m.category, { line: m.line, deductiblePercent: m.deductiblePercent, inputTaxExcluded: m.inputTaxExcluded ?? false, overridden: false });
    }
    for (const o of overrides) {
      const excluded = profile.mappings.find((m) => m.line === o.line)?.inputTaxExcluded ?? false;
      this.rules.set(o.category, { line: o.line, deductiblePercent: o.deductiblePercent, inputTaxExcluded: excluded, overridden: true });
    }
  }

  for(category: string): CategoryRule {
    return this.rules.get(category.toLowerCase()) ?? { line: this.profile.fallbackLine, deductiblePercent: '100', inputTaxExcluded: false, overridden: false };
  }

  /** The line order of the profile (reports list lines in it). */
  lineOrder(): string[] {
    return this.profile.lines.map((line) => line.code);
  }

  views(): CategoryMappingView[] {
    return [...this.rules.entries()].map(([category, rule]) => ({ category, line: rule.line, deductiblePercent: rule.deductiblePercent, overridden: rule.overridden }));
  }

  /** Every mapped category with its rule (for SQL ordering by line). */
  entries(): [string, CategoryRule][] {
    return [...this.rules.entries()];
  }
}

/** The default share of an override to a line: what the profile gives that line's categories, else 100. */
export function defaultPercentFor(profile: TaxProfile, line: string): string {
  return profile.mappings.find((m) => m.line === line)?.deductiblePercent ?? '100';
}
