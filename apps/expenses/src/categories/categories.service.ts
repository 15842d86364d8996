import { Injectable } from '@nestjs/common';
import { FALLBACK_CATEGORY } from '@irp/contracts';
import { Category } from './category.entity';
import { CategoryRepository, type CategoryWithCount } from './category.repository';
import { CategoriesErrors } from './categories.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CategoriesService {
  constructor(private readonly categories: CategoryRepository) {}

  async list(userId: string): Promise<CategoryWithCount[]> {
    await this.categories.ensureDefaults(userId);
    return this.categories.listWithCounts(userId);
  }

  /** The user's category by id or name (any case); the fallback category when none is given. */
  async resolve(userId: string, nameOrId: string | undefined): Promise<Category> {
    await this.categories.ensureDefaults(userId);
    const wanted = nameOrId ?? FALLBACK_CATEGORY;
    const category = UUID.test(wanted) ? await this.categories.findOwned(userId, wanted) : await this.categories.findByName(userId, wanted);
    if (!category) throw CategoriesErrors.unknown(wanted);
    return category;
  }

  /**
   * The id to filter by: an id is used as it is (the query is scoped to the user anyway, so
   * another user's category id just matches nothing); a name is looked up.
   */
  async idFor(userId: string, nameOrId: string): Promise<string> {
    return UUID.test(nameOrId) ? nameOrId : (await this.resolve(userId, nameOrId)).id;
  }

  async get(userId: string, categoryId: string): Promise<Category> {
    const category = await this.categories.findOwned(userId, categoryId);
    if (!category) throw CategoriesErrors.notFound();
    return category;
  }

  async create(userId: string, name: string): Promise<CategoryWithCount> {
    await this.categories.ensureDefaults(userId);
    const category = new Category(userId, name);
    this.categories.add(category);
    await this.categories.flushNamed(name);
    return { category, expenseCount: 0 };
  }

  async rename(userId: string, categoryId: string, name: string): Promise<CategoryWithCount> {
    const category = await this.get(userId, categoryId);
    category.rename(name);
    await this.categories.flushNamed(name);
    return { category, expenseCount: await this.categories.countExpenses(category.id) };
  }

}
