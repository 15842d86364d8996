import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_CATEGORIES } from '@irp/contracts';
import { isUniqueViolation } from '@irp/persistence';
import { CategoriesErrors } from './categories.errors';
import { Category, normalizeCategoryName } from './category.entity';

export interface CategoryWithCount {
  category: Category;
  expenseCount: number;
}

@Injectable()
export class CategoryRepository {
  /** Users whose default categories this process has already made sure of. */
  private readonly seeded = new Set<string>();

  constructor(private readonly em: EntityManager) {}

  /** Gives a user the default set once (idempotent across replicas: ON CONFLICT DO NOTHING). */
  async ensureDefaults(userId: string): Promise<void> {
    if (this.seeded.has(userId)) return;
    await this.em
      .createQueryBuilder(Category)
      .insert(DEFAULT_CATEGORIES.map((name) => ({ ...new Category(userId, name) })))
      .onConflict(['userId', 'nameNormalized'])
      .ignore()
      .execute();
    if (this.seeded.size > 100_000) this.seeded.clear();
    this.seeded.add(userId);
  }

  findOwned(userId: string, id: string): Promise<Category | null> {
    return this.em.findOne(Category, { id, userId });
  }

  findByName(userId: string, name: string): Promise<Category | null> {
    return this.em.findOne(Category, { userId, nameNormalized: normalizeCategoryName(name) });
  }

  async listWithCounts(userId: string): Promise<CategoryWithCount[]> {
    const categories = await this.em.find(Category, { userId }, { orderBy: { nameNormalized: 'asc' } });
    const counts = await this.em.execute<{ category_id: string; count: string }[]>(
      'select category_id, count(*) as count from expenses.expense where user_id = ? group by category_id',
      [userId],
    );
    const byId = new Map(counts.map((row) => [row.category_id, Number(row.count)]));
    return categories.map((category) => ({ category, expenseCount: byId.get(category.id) ?? 0 }));
  }

  async countExpenses(categoryId: string): Promise<number> {
    // em.execute runs in the current transaction (a merge counts what it just moved).
    const [row] = await this.em.execute<{ count: string }[]>('select count(*) as count from expenses.expense where category_id = ?', [categoryId]);
    return Number(row.count);
  }

  add(category: Category): void {
    this.em.persist(category);
  }

  remove(category: Category): void {
    this.em.remove(category);
  }

  /** Flushes a new or renamed category; a name the user already has is refused. */
  async flushNamed(name: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (isUniqueViolation(error)) throw CategoriesErrors.nameTaken(name.trim());
      throw error;
    }
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
