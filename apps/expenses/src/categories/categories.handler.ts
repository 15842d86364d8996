import { Controller } from '@nestjs/common';
import { CategoryList, CategoryView, CreateCategoryRequest, ListCategoriesRequest, RenameCategoryRequest, SUBJECTS } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import type { CategoryWithCount } from './category.repository';
import { CategoriesService } from './categories.service';

export function toCategoryView({ category, expenseCount }: CategoryWithCount): CategoryView {
  return { id: category.id, name: category.name, expenseCount };
}

@Controller()
export class CategoriesHandler {
  constructor(private readonly categories: CategoriesService) {}

  @Rpc(SUBJECTS.listCategories)
  async list(request: ListCategoriesRequest): Promise<CategoryList> {
    return { items: (await this.categories.list(request.userId)).map(toCategoryView) };
  }

  @Rpc(SUBJECTS.createCategory)
  async create(request: CreateCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.categories.create(request.userId, request.name));
  }

  @Rpc(SUBJECTS.renameCategory)
  async rename(request: RenameCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.categories.rename(request.userId, request.categoryId, request.name));
  }
}
