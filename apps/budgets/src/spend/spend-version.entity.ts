import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * How many times a user's expense projection has changed: bumped by the statement that changes
 * it, so what was read from the projection at version N holds for as long as the version is N.
 */
@Entity({ tableName: 'spend_version' })
export class SpendVersion {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: new BigIntType('string') })
  version!: string;
}
