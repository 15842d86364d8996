import { Migration } from '@mikro-orm/migrations';
import { outboxNotifyTrigger } from '@irp/messaging';

/** Commits that write events wake the outbox relays (LISTEN/NOTIFY) instead of their polling. */
export class Migration20261124084223 extends Migration {

  override name = 'Migration20261124084223';

  override up(): void | Promise<void> {
    for (const sql of outboxNotifyTrigger('auth').up) this.addSql(sql);
  }

  override down(): void | Promise<void> {
    for (const sql of outboxNotifyTrigger('auth').down) this.addSql(sql);
  }

}
