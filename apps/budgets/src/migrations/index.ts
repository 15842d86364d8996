import { Migration20261207063349 } from './Migration20261207063349';
import { Migration20261207065648 } from './Migration20261207065648';
import { Migration20261207145517 } from './Migration20261207145517';

/** Every migration of the budgets schema, oldest first. Add new ones here after `migrate create`. */
export const BUDGETS_MIGRATIONS = [Migration20261207063349, Migration20261207065648, Migration20261207145517];
