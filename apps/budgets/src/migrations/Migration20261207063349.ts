import { Migration } from '@mikro-orm/migrations';
import { messagingTables } from '@irp/messaging';

/** The budgets schema with its inbox, outbox and outbox trigger. */
export class Migration20261207063349 extends Migration {
  override name = 'Migration20261207063349';

  override up(): void {
    this.addSql(`create schema if not exists "budgets";`);
    for (const sql of messagingTables('budgets').up) this.addSql(sql);
  }

  override down(): void {
    // The schema stays: it holds the migrations table.
    for (const sql of messagingTables('budgets').down) this.addSql(sql);
  }
}
