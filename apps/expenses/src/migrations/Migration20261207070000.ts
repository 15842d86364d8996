import { Migration } from '@mikro-orm/migrations';

/** Documents that arrived by mail keep where they came from (sender, subject, date, Message-ID). */
export class Migration20261207070000 extends Migration {
  override name = 'Migration20261207070000';

  override up(): void {
    this.addSql(`alter table "expenses"."document" add column "provenance" jsonb null;`);
  }

  override down(): void {
    this.addSql(`alter table "expenses"."document" drop column "provenance";`);
  }
}
