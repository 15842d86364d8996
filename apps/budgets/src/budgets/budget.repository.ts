import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { Budget } from './budget.entity';

@Injectable()
export class BudgetRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user's budget; another user's is as missing as one that does not exist. */
  findOwned(userId: string, id: string): Promise<Budget | null> {
    return this.em.findOne(Budget, { id, userId });
  }

  /** As findOwned, with the owner's spend version read in the same query. */
  async findOwnedWithSpendVersion(userId: string, id: string): Promise<{ budget: Budget; spendVersion: string } | null> {
    const budget = await this.em.findOne(Budget, { id, userId }, { populate: ['spendVersion'] });
    return budget ? { budget, spendVersion: budget.spendVersion ?? '0' } : null;
  }

  ofUser(userId: string): Promise<Budget[]> {
    return this.em.find(Budget, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Users with budgets after `afterUserId`, in id order (for jobs that visit every user). */
  async usersAfter(afterUserId: string | null, limit: number): Promise<string[]> {
    const { rows } = await sql<{ user_id: string }>`select distinct user_id from budgets.budget
      where user_id > ${afterUserId ?? '00000000-0000-0000-0000-000000000000'}::uuid order by user_id limit ${limit}`.execute(this.em.getKysely());
    return rows.map((row) => row.user_id);
  }

  add(budget: Budget): void {
    this.em.persist(budget);
  }

  remove(budget: Budget): void {
    this.em.remove(budget);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
