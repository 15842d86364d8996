import { Module } from '@nestjs/common';
import { CategoriesHandler } from './categories.handler';
import { CategoriesService } from './categories.service';
import { CategoryRepository } from './category.repository';

@Module({
  controllers: [CategoriesHandler],
  providers: [CategoriesService, CategoryRepository],
  exports: [CategoriesService, CategoryRepository],
})
export class CategoriesModule {}
