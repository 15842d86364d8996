import { Migration20261124003148 } from './Migration20261124003148';
import { Migration20261124055825 } from './Migration20261124055825';
import { Migration20261124084223 } from './Migration20261124084223';

/** Every migration of the auth schema, oldest first. Add new ones here after `migrate create`. */
export const AUTH_MIGRATIONS = [Migration20261124003148, Migration20261124055825, Migration20261124084223];
