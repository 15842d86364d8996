export { DatabaseHealth, DatabaseModule, OrmRequestContextInterceptor } from './database.module';
export { migrate, type MigrateCommand } from './migrate';
export { SERVICE_SCHEMAS, serviceOrmConfig, type ServiceOrmOptions } from './orm-config';
export { runMigrateCli } from './migrate-cli';
export { withRequestContext } from './request-context';
export { UnitOfWork } from './unit-of-work';
export { isOptimisticLockFailure, isUniqueViolation } from './constraint-errors';
export { OwnerLock } from './owner-lock';
export { decodeKeysetCursor, encodeKeysetCursor, type KeysetPosition } from './keyset-cursor';
