import { runMigrateCli } from '@irp/persistence';
import { authOrmConfig } from './orm.config';

void runMigrateCli('auth', (url) => authOrmConfig({ url }));
