import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CategoryList, CategoryView, CreateCategoryRequest, ListCategoriesRequest, RenameCategoryRequest, SUBJECTS } from '@irp/contracts';
import type { CategoryWithCount } from './category.repository';
import { CategoriesService } from './categories.service';

export function toCategoryView({ category, expenseCount }: CategoryWithCount): CategoryView {
  return { id: category.id, name: category.name, expenseCount };
}

@Controller()
export class CategoriesHandler {
  constructor(private readonly categories: CategoriesService) {}

  @MessagePattern(SUBJECTS.listCategories)
  async list(@Payload() request: ListCategoriesRequest): Promise<CategoryList> {
    return { items: (await this.categories.list(request.userId)).map(toCategoryView) };
  }

  @MessagePattern(SUBJECTS.createCategory)
  async create(@Payload() request: CreateCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.categories.create(request.userId, request.name));
  }

  @MessagePattern(SUBJECTS.renameCategory)
  async rename(@Payload() request: RenameCategoryRequest): Promise<CategoryView> {
    return toCategoryView(await this.categories.rename(request.userId, request.categoryId, request.name));
  }
}
