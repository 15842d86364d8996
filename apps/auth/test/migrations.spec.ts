import { migrate } from '@irp/persistence';
import { createTestDatabase, type TestDatabase } from '@irp/testing';
import { AUTH_MIGRATIONS } from '../src/migrations';
import { serviceOrmOptions } from '@irp/platform';
import { AUTH_SERVICE } from '../src/service';

describe('auth migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('cover every entity (no migration missing), and go down and up again', async () => {
    const config = serviceOrmOptions(AUTH_SERVICE, { url: database.url });
    expect(await migrate(config, 'up')).toHaveLength(AUTH_MIGRATIONS.length);
    expect(await migrate(config, 'check')).toEqual([]);
    expect(await migrate(config, 'down')).toHaveLength(1);
    expect(await migrate(config, 'pending')).toHaveLength(1);
    expect(await migrate(config, 'up')).toHaveLength(1);
  });
});
