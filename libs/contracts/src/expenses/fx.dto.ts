import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../validators';
import { Nullable } from '../nullable';

export const FX_SOURCES = ['ECB'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

/** Largest number of days in one import request (a NATS message stays far below its size limit). */
export const FX_IMPORT_MAX_DAYS = 250;

export class RateDayBody {
  @IsCalendarDate()
  date!: string;

  /** Units of each currency per 1 EUR (ECB convention), as decimal strings. */
  @IsObject()
  rates!: Record<string, string>;
}

/** Rates of a source's file, parsed at the edge (gateway, CLI, feed) and sent in chunks. */
export class ImportRatesRequest {
  @IsIn(FX_SOURCES)
  source!: FxSource;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FX_IMPORT_MAX_DAYS)
  @ValidateNested({ each: true })
  @Type(() => RateDayBody)
  days!: RateDayBody[];
}

export class ImportRatesResult {
  @IsInt()
  @Min(0)
  days!: number;

  @IsInt()
  @Min(0)
  rates!: number;

  @Nullable()
  @IsCalendarDate()
  firstDate!: string | null;

  @Nullable()
  @IsCalendarDate()
  lastDate!: string | null;
}
