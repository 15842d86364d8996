import { Migration } from '@mikro-orm/migrations';

export class Migration20261124055825 extends Migration {

  override name = 'Migration20261124055825';

  override up(): void | Promise<void> {
    this.addSql(`alter table "auth"."user" add "roles" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "auth"."user" drop column "roles";`);
  }

}
