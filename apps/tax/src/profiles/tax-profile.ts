import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, IsUrl, Length, Matches, ValidateNested } from 'class-validator';
import { IsCurrencyCode, PERCENT, TAX_YEAR_START } from '@irp/contracts';

const OFFICIAL_URL = { protocols: ['https'], require_protocol: true };

export class ProfileLine {
  @IsString()
  @Length(1, 20)
  code!: string;

  @IsString()
  @Length(1, 120)
  label!: string;

  @IsUrl(OFFICIAL_URL)
  source!: string;
}

export class ProfileMapping {
  /** A category name, lower-case. */
  @Matches(/^[^A-Z]{1,60}$/, { message: 'category must be a lower-case category name' })
  category!: string;

  @IsString()
  line!: string;

  @Matches(PERCENT)
  deductiblePercent!: string;

  /** Input tax on these expenses is never reclaimed (EU VAT Art. 176: entertainment). */
  @IsOptional()
  @IsBoolean()
  inputTaxExcluded?: boolean;

  @IsOptional()
  @IsString()
  note?: string;
}

/** A tax profile data file (`profiles/*.json`), validated when the service starts. */
export class TaxProfile {
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  id!: string;

  @Matches(/^\d{4}\.\d+$/, { message: 'version must be <year>.<revision>' })
  version!: string;

  @IsString()
  name!: string;

  @Matches(/^([A-Z]{2})$/)
  country!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsString()
  form!: string;

  @IsUrl(OFFICIAL_URL)
  source!: string;

  @Matches(TAX_YEAR_START)
  taxYearStart!: string;

  @IsBoolean()
  inputTaxReclaimable!: boolean;

  @IsOptional()
  @Matches(PERCENT)
  standardRate!: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ProfileLine)
  lines!: ProfileLine[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ProfileMapping)
  mappings!: ProfileMapping[];

  @IsString()
  fallbackLine!: string;

  @IsOptional()
  @IsString()
  notes?: string;
}

/** Mistakes the class rules cannot see: a mapping to a line the profile lacks, a category mapped twice. */
export function profileInconsistencies(profile: TaxProfile): string[] {
  const codes = new Set(profile.lines.map((line) => line.code));
  const problems: string[] = [];
  if (codes.size !== profile.lines.length) problems.push('a line code is listed twice');
  if (!codes.has(profile.fallbackLine)) problems.push(`fallbackLine ${profile.fallbackLine} is not one of its lines`);
  const seen = new Set<string>();
  for (const mapping of profile.mappings) {
    if (!codes.has(mapping.line)) problems.push(`${mapping.category} maps to ${mapping.line}, which is not one of its lines`);
    if (seen.has(mapping.category)) problems.push(`${mapping.category} is mapped twice`);
    seen.add(mapping.category);
  }
  return problems;
}
