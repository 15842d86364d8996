import 'reflect-metadata';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Migration } from '@mikro-orm/migrations';
import pg from 'pg';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@irp/testing';
import { migrate, serviceOrmConfig } from '../src';

@Entity({ tableName: 'widget' })
class Widget {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;
}

class Migration20260101000000 extends Migration {
  override up(): void {
    this.addSql('create table "auth"."widget" ("id" uuid not null primary key, "name" text not null);');
  }

  override down(): void {
    this.addSql('drop table if exists "auth"."widget";');
  }
}

describe(migrate.name, () => {
  let database: TestDatabase;
  let sql: pg.Client;
  let migrationsDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    migrationsDir = await mkdtemp(path.join(tmpdir(), 'irp-migrations-'));
  });

  afterAll(async () => {
    await sql?.end();
    await database?.drop();
    await rm(migrationsDir, { recursive: true, force: true });
  });

  const config = (migrations: (typeof Migration20260101000000)[]) =>
    serviceOrmConfig({ schema: 'auth', databaseUrl: database.url, entities: [Widget], migrations, migrationsPath: migrationsDir });

  const tables = async (schema: string) =>
    (await sql.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1 order by 1', [schema])).rows.map(
      (row) => row.table_name,
    );

  it('applies pending migrations into the service schema, once', async () => {
    expect(await migrate(config([Migration20260101000000]), 'up')).toEqual(['Migration20260101000000']);
    expect(await migrate(config([Migration20260101000000]), 'pending')).toEqual([]);
    expect(await migrate(config([Migration20260101000000]), 'up')).toEqual([]);
    expect(await tables('auth')).toEqual(['mikro_orm_migrations', 'widget']);
  });

  it('generates migrations that never touch another service schema', async () => {
    await sql.query('create schema if not exists expenses; create table expenses.expense (id uuid primary key)');
    await sql.query('drop table auth.widget'); // so the diff has something to create
    const [file] = await migrate(config([Migration20260101000000]), 'create');
    const generated = await readFile(path.join(migrationsDir, file), 'utf8');
    expect(generated).toContain('create table "auth"."widget"');
    expect(generated).not.toContain('expenses');
    await sql.query('create table auth.widget (id uuid not null primary key, name text not null)');
  });

  it('rolls back without dropping the schema that holds the migrations table', async () => {
    expect(await migrate(config([Migration20260101000000]), 'down')).toEqual(['Migration20260101000000']);
    expect(await tables('auth')).toEqual(['mikro_orm_migrations']);
  });
});
