import 'reflect-metadata';
import { Entity, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@irp/testing';
import { serviceOrmConfig } from '../src';

@Entity({ tableName: 'gadget' })
class Gadget {
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}

describe(serviceOrmConfig.name, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  const config = (query: string) => serviceOrmConfig({ schema: 'auth', databaseUrl: `${database.url}${query}`, entities: [Gadget], migrations: [] });

  it('takes the TLS settings of DATABASE_URL, which the ORM alone would drop', () => {
    expect(config('').driverOptions).not.toHaveProperty('ssl'); // PGSSLMODE then decides
    expect(config('?sslmode=disable').driverOptions).toMatchObject({ ssl: false });
    expect(config('?sslmode=no-verify').driverOptions).toMatchObject({ ssl: { rejectUnauthorized: false } });
  });

  it('connects with TLS when the URL asks for it', async () => {
    // The test server speaks no TLS: a refusal shows that the client asked for it.
    const orm = await MikroORM.init(config('?sslmode=no-verify'));
    try {
      await expect(orm.em.fork().execute('select 1')).rejects.toThrow(/does not support SSL/);
    } finally {
      await orm.close(true);
    }
    const plain = await MikroORM.init(config('?sslmode=disable'));
    try {
      await expect(plain.em.fork().execute('select 1 as one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await plain.close(true);
    }
  });
});
