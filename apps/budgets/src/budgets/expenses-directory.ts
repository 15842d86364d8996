import { Injectable } from '@nestjs/common';
import { SUBJECTS, type CategoryRef } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { BudgetsErrors } from './budgets.errors';

/** What budgets ask the expenses service when a budget is made: base currency, categories, tags. */
@Injectable()
export class ExpensesDirectory {
  constructor(private readonly rpc: RpcClient) {}

  async baseCurrency(userId: string): Promise<string> {
    return (await this.rpc.request(SUBJECTS.getSettings, { userId })).baseCurrency;
  }

  /** The user's category by id or name (case-insensitive); VALIDATION when there is none. */
  async category(userId: string, nameOrId: string): Promise<CategoryRef> {
    const { items } = await this.rpc.request(SUBJECTS.listCategories, { userId });
    const wanted = nameOrId.trim().toLowerCase();
    const found = items.find((category) => category.id === wanted || category.name.toLowerCase() === wanted);
    if (!found) throw BudgetsErrors.unknownCategory(nameOrId);
    return { id: found.id, name: found.name };
  }

  /** VALIDATION unless some expense of the user carries the tag (tags exist only on expenses). */
  async assertTagInUse(userId: string, tag: string): Promise<void> {
    const page = await this.rpc.request(SUBJECTS.listExpenses, { userId, query: { tags: tag, limit: '1' } });
    if (page.items.length === 0) throw BudgetsErrors.unknownTag(tag);
  }
}
