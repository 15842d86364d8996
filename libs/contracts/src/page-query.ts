import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** The query of a keyset-paged list: how many items (1–100, as text: it comes from a URL) and where to go on. */
export class PageQuery {
  @IsOptional()
  @Matches(/^([1-9]\d?|100)$/, { message: 'limit must be an integer from 1 to 100' })
  @MaxLength(3)
  limit?: string;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
