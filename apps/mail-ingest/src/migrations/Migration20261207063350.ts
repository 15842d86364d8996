import { Migration } from '@mikro-orm/migrations';
import { messagingTables } from '@irp/messaging';

/** The mail schema with its inbox, outbox and outbox trigger. */
export class Migration20261207063350 extends Migration {
  override name = 'Migration20261207063350';

  override up(): void {
    this.addSql(`create schema if not exists "mail";`);
    for (const sql of messagingTables('mail').up) this.addSql(sql);
  }

  override down(): void {
    // The schema stays: it holds the migrations table.
    for (const sql of messagingTables('mail').down) this.addSql(sql);
  }
}
