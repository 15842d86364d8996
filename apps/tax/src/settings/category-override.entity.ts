import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A user's own mapping of a category to a line of one profile (it applies only with that profile). */
@Entity({ tableName: 'category_override' })
export class CategoryOverride {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @PrimaryKey({ type: 'text' })
  profileId: string;

  /** Lower-case category name. */
  @PrimaryKey({ type: 'text' })
  category: string;

  @Property({ type: 'text' })
  line: string;

  @Property({ type: 'text' })
  deductiblePercent: string;

  constructor(props: { userId: string; profileId: string; category: string; line: string; deductiblePercent: string }) {
    this.userId = props.userId;
    this.profileId = props.profileId;
    this.category = props.category;
    this.line = props.line;
    this.deductiblePercent = props.deductiblePercent;
  }
}
