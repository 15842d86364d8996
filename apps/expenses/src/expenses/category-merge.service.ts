import { Injectable } from '@nestjs/common';
import { getLogger } from '@irp/observability';
import { OwnerLock, UnitOfWork } from '@irp/persistence';
import { CategoriesErrors } from '../categories/categories.errors';
import { CategoriesService } from '../categories/categories.service';
import { CategoryRepository, type CategoryWithCount } from '../categories/category.repository';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';

const BATCH = 500;

/** Merging moves every expense of a category into another (each an `expense.updated`), then removes it. */
@Injectable()
export class CategoryMergeService {
  private readonly log = getLogger(CategoryMergeService.name);

  constructor(
    private readonly categories: CategoriesService,
    private readonly categoryRepository: CategoryRepository,
    private readonly expenses: ExpenseRepository,
    private readonly events: ExpenseEvents,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async merge(userId: string, categoryId: string, intoId: string): Promise<CategoryWithCount> {
    if (categoryId === intoId) throw CategoriesErrors.mergeIntoItself();
    return this.unitOfWork.run(async () => {
      // Moving many expenses while one of them is deleted (which clears its duplicates' pointers) could deadlock.
      await this.ownerLock.take(userId);
      const source = await this.categories.get(userId, categoryId);
      const target = await this.categories.get(userId, intoId);
      let moved = 0;
      for (;;) {
        const batch = await this.expenses.inCategory(userId, source.id, BATCH);
        if (batch.length === 0) break;
        for (const expense of batch) expense.category = target;
        await this.expenses.flush();
        for (const expense of batch) this.events.updated(expense, ['category']);
        moved += batch.length;
      }
      this.categoryRepository.remove(source);
      await this.categoryRepository.flush();
      this.log.info({ userId, from: source.id, into: target.id, moved }, 'categories merged');
      return { category: target, expenseCount: await this.categoryRepository.countExpenses(target.id) };
    });
  }
}
