import { Migration } from '@mikro-orm/migrations';

/** A change counter per user's expense projection, so status reads can reuse spend that has not changed. */
export class Migration20261207145517 extends Migration {

  override name = 'Migration20261207145517';

  override up(): void | Promise<void> {
    this.addSql(`create table "budgets"."spend_version" ("user_id" uuid not null, "version" bigint not null, primary key ("user_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "budgets"."spend_version" cascade;`);
  }

}
