import { Migration20261124010233 } from './Migration20261124010233';
import { Migration20261124013107 } from './Migration20261124013107';
import { Migration20261124084223 } from './Migration20261124084223';
import { Migration20261207070000 } from './Migration20261207070000';

/** Every migration of the expenses schema, oldest first. Add new ones here after `migrate create`. */
export const EXPENSES_MIGRATIONS = [Migration20261124010233, Migration20261124013107, Migration20261124084223, Migration20261207070000];
