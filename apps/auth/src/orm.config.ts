import path from 'node:path';
import { MESSAGING_ENTITIES } from '@irp/messaging';
import { serviceOrmConfig } from '@irp/persistence';
import { AUTH_MIGRATIONS } from './migrations';
import { RefreshToken } from './tokens/refresh-token.entity';
import { User } from './users/user.entity';

export function authOrmConfig(database: { url: string; poolMax?: number }) {
  return serviceOrmConfig({
    schema: 'auth',
    databaseUrl: database.url,
    poolMax: database.poolMax,
    entities: [User, RefreshToken, ...MESSAGING_ENTITIES],
    migrations: AUTH_MIGRATIONS,
    // `migrate create` runs from the workspace root and writes into the sources.
    migrationsPath: path.resolve('apps/auth/src/migrations'),
  });
}
