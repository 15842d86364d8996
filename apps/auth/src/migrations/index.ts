import { Migration20261124003148 } from './Migration20261124003148';

/** Every migration of the auth schema, oldest first. Add new ones here after `migrate create`. */
export const AUTH_MIGRATIONS = [Migration20261124003148];
