import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { UserScoped } from '../user-scoped';

/** Every user starts with these; they can be renamed or merged like their own. */
export const DEFAULT_CATEGORIES = [
  'meals',
  'travel',
  'lodging',
  'fuel',
  'office supplies',
  'software',
  'utilities',
  'phone/internet',
  'groceries',
  'entertainment',
  'professional services',
  'other',
] as const;

export const FALLBACK_CATEGORY = 'other';

export class CategoryBody {
  @IsString()
  @Length(1, 60)
  name!: string;
}

export class MergeCategoryBody {
  /** The category that receives the expenses; the merged one is removed. */
  @IsUUID()
  into!: string;
}

export class CategoryView {
  @IsUUID()
  id!: string;

  @IsString()
  name!: string;

  @IsInt()
  @Min(0)
  expenseCount!: number;
}

export class ListCategoriesRequest extends UserScoped {}

export class CreateCategoryRequest extends UserScoped {
  @IsString()
  @Length(1, 60)
  name!: string;
}

export class RenameCategoryRequest extends UserScoped {
  @IsUUID()
  categoryId!: string;

  @IsString()
  @Length(1, 60)
  name!: string;
}

export class MergeCategoryRequest extends UserScoped {
  @IsUUID()
  categoryId!: string;

  @IsUUID()
  into!: string;
}

export class CategoryList {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryView)
  items!: CategoryView[];
}
