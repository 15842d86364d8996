import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * A threshold a budget's spend crossed in a period. The unique key makes it one per budget,
 * period and threshold however many replicas, events or reconciliations see the crossing.
 */
@Entity({ tableName: 'alert' })
@Unique({ name: 'alert_once_per_period', properties: ['budgetId', 'periodStart', 'threshold'] })
@Index({ properties: ['userId', 'raisedAt', 'id'] })
export class Alert {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  budgetId!: string;

  @Property({ type: 'text' })
  budgetName!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Property({ type: 'integer' })
  threshold!: number;

  @Property({ type: new BigIntType('bigint') })
  spentMinor!: bigint;

  @Property({ type: new BigIntType('bigint') })
  availableMinor!: bigint;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  raisedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
