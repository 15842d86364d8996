import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCurrencyCode } from '../validators';
import { UserScoped } from '../user-scoped';

export const DEFAULT_BASE_CURRENCY = 'EUR';
export const DEFAULT_LOCALE = 'en-GB';

export class UpdateSettingsBody {
  /** Expenses are converted into it; changing it converts every expense again. */
  @IsOptional()
  @IsCurrencyCode()
  baseCurrency?: string;

  /** BCP 47 tag (en-GB, de-DE, ...): how dates are read and shown. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/, { message: 'locale must be a BCP 47 tag such as en-GB or de-DE' })
  @MaxLength(35)
  locale?: string;
}

export class SettingsView {
  @IsCurrencyCode()
  baseCurrency!: string;

  @IsString()
  locale!: string;
}

export class GetSettingsRequest extends UserScoped {}

/** The change, on behalf of the caller. */
export class UpdateSettingsRequest extends UpdateSettingsBody implements UserScoped {
  @IsUUID()
  userId!: string;
}
