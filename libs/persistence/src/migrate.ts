import { MikroORM, type Options } from '@mikro-orm/postgresql';

export type MigrateCommand = 'up' | 'down' | 'pending' | 'create' | 'check';

/**
 * Runs one migration command for a service's schema. Used by each app's `migrate` target (a Job
 * in Kubernetes, a step of the dev launcher) and by tests; services never migrate on boot.
 */
export async function migrate(config: Options, command: MigrateCommand): Promise<string[]> {
  const orm = await MikroORM.init({ ...config, preferTs: false });
  try {
    const schema = config.schema;
    if (!schema) throw new Error('the ORM config names no schema');
    // The migrations table lives in the service schema, so the schema exists before any migration.
    await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
    const migrator = orm.migrator;
    switch (command) {
      case 'up':
        return (await migrator.up()).map((m) => m.name);
      case 'down':
        return (await migrator.down()).map((m) => m.name);
      case 'pending':
        return (await migrator.getPending()).map((m) => m.name);
      case 'create': {
        const result = await migrator.create();
        return result.fileName ? [result.fileName] : [];
      }
      case 'check':
        // true when the entities differ from the last snapshot: a migration is missing
        return (await migrator.checkSchema()) ? ['entities differ from the migration snapshot'] : [];
    }
  } finally {
    await orm.close(true);
  }
}
