import { Migration } from '@mikro-orm/migrations';
import { messagingTables } from '@irp/messaging';

/** The tax schema with its inbox, outbox and outbox trigger. */
export class Migration20261207063350 extends Migration {
  override name = 'Migration20261207063350';

  override up(): void {
    this.addSql(`create schema if not exists "tax";`);
    for (const sql of messagingTables('tax').up) this.addSql(sql);
  }

  override down(): void {
    // The schema stays: it holds the migrations table.
    for (const sql of messagingTables('tax').down) this.addSql(sql);
  }
}
