import { BigIntType, type Opt } from '@mikro-orm/core';
import { Entity, Formula, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { BudgetPeriod } from '@irp/contracts';
import type { Period } from '../periods/period-calendar';
import type { EvaluatedBudget } from '../alerts/alert-evaluator';
import type { BudgetScope } from '../spend/expense-projection.repository';

/** A user's budget: an amount in their base currency per period, with its alert thresholds. */
@Entity({ tableName: 'budget' })
@Index({ properties: ['userId', 'createdAt'] })
export class Budget implements EvaluatedBudget {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor: bigint;

  @Property({ type: 'text' })
  currency: string;

  @Property({ type: 'text' })
  scope: BudgetScope;

  @Property({ type: 'uuid', nullable: true })
  categoryId: string | null;

  /** The category's name when the budget was made or changed (for display; the id decides). */
  @Property({ type: 'text', nullable: true })
  categoryName: string | null;

  @Property({ type: 'text', nullable: true })
  tag: string | null;

  @Property({ type: 'text' })
  period: BudgetPeriod;

  @Property({ type: 'json' })
  customPeriods: Period[] = [];

  @Property({ type: 'text' })
  timeZone: string;

  @Property({ type: 'boolean' })
  rollover = false;

  /** Percentages, ascending. */
  @Property({ type: 'json' })
  thresholds: number[];

  /** The day it began counting in its time zone: rollover carries from this day's period on. */
  @Property({ type: 'date' })
  startsOn: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** The owner's spend version (SpendVersion), read with the budget only when asked for (status reads). */
  @Formula((columns) => `coalesce((select v.version from budgets.spend_version v where v.user_id = ${columns.userId}), 0)::text`, { type: 'string', lazy: true })
  spendVersion?: Opt<string>;

  constructor(fields: Pick<Budget, 'userId' | 'name' | 'amountMinor' | 'currency' | 'scope' | 'categoryId' | 'categoryName' | 'tag' | 'period' | 'timeZone' | 'thresholds' | 'startsOn'>) {
    this.userId = fields.userId;
    this.name = fields.name;
    this.amountMinor = fields.amountMinor;
    this.currency = fields.currency;
    this.scope = fields.scope;
    this.categoryId = fields.categoryId;
    this.categoryName = fields.categoryName;
    this.tag = fields.tag;
    this.period = fields.period;
    this.timeZone = fields.timeZone;
    this.thresholds = fields.thresholds;
    this.startsOn = fields.startsOn;
  }
}
