import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { UserScoped } from '../user-scoped';
import { Nullable } from '../nullable';

/** A profile id as its data file names it: `us-schedule-c`, `uk-sa103`, ... */
const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
/** Where a tax year starts: month and day, `MM-DD` (`04-06` for the UK). */
export const TAX_YEAR_START = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A percentage from 0 to 100 with up to 3 decimals, as a string. */
export const PERCENT = /^(100(\.0{1,3})?|\d{1,2}(\.\d{1,3})?)$/;

export class TaxReportLineView {
  /** The form's own number or box, e.g. `24b` (Schedule C) or `20` (SA103F). */
  @IsString()
  code!: string;

  @IsString()
  label!: string;

  /** The official text this line is taken from. */
  @IsString()
  source!: string;
}

export class CategoryMappingView {
  /** An expense category name, lower-case. */
  @IsString()
  category!: string;

  @IsString()
  line!: string;

  @Matches(PERCENT)
  deductiblePercent!: string;

  /** True when the user chose this mapping over the profile's. */
  @IsBoolean()
  overridden!: boolean;
}

export class TaxProfileView {
  @IsString()
  id!: string;

  /** The data file's version; a report names the version it was made with. */
  @IsString()
  version!: string;

  @IsString()
  name!: string;

  /** ISO 3166 code, or `EU`. */
  @IsString()
  country!: string;

  /** The currency the tax return is filed in. */
  @IsString()
  currency!: string;

  @IsString()
  form!: string;

  /** The official source of the profile. */
  @IsString()
  source!: string;

  @Matches(TAX_YEAR_START)
  taxYearStart!: string;

  /** True when the input tax of an expense is reclaimed (VAT): the deductible amount is then net. */
  @IsBoolean()
  inputTaxReclaimable!: boolean;

  /** Percent used for estimated tax when a receipt shows none; null when the profile has none. */
  @Nullable()
  @IsString()
  standardRate!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TaxReportLineView)
  lines!: TaxReportLineView[];

  /** The profile's own mapping of the default categories; anything else goes to `fallbackLine`. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryMappingView)
  mappings!: CategoryMappingView[];

  @IsString()
  fallbackLine!: string;
}

export class TaxProfileList {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TaxProfileView)
  items!: TaxProfileView[];
}

export class ListTaxProfilesRequest extends UserScoped {}

export class GetTaxSettingsRequest extends UserScoped {}

/** The user's choice: a profile, a tax year start, and the mappings in effect (theirs over the profile's). */
export class TaxSettingsView {
  @Nullable()
  @IsString()
  profileId!: string | null;

  @Nullable()
  @Matches(TAX_YEAR_START)
  taxYearStart!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryMappingView)
  mappings!: CategoryMappingView[];
}

export class SelectTaxProfileBody {
  @IsString()
  @Matches(PROFILE_ID, { message: 'profileId must be the id of a profile from GET /tax/profiles' })
  @MaxLength(60)
  profileId!: string;

  /** `MM-DD`; default: the profile's. */
  @IsOptional()
  @Matches(TAX_YEAR_START, { message: 'taxYearStart must be a month and day, MM-DD (e.g. 04-06)' })
  @MaxLength(5)
  taxYearStart?: string;
}

export class SelectTaxProfileRequest extends SelectTaxProfileBody implements UserScoped {
  @IsUUID()
  userId!: string;
}

export class MappingOverrideBody {
  /** A category name (as on the expenses), case-insensitive. */
  @IsString()
  @Length(1, 60)
  category!: string;

  /** A line code of the selected profile; null removes the override. */
  @Nullable()
  @IsString()
  @Length(1, 20)
  line!: string | null;

  /** Default: the profile's percentage for that line's categories, else 100. */
  @IsOptional()
  @Matches(PERCENT, { message: 'deductiblePercent must be a percentage from 0 to 100 as a string, e.g. "50"' })
  @MaxLength(7)
  deductiblePercent?: string;
}

export class SetMappingOverrideRequest extends MappingOverrideBody implements UserScoped {
  @IsUUID()
  userId!: string;
}
