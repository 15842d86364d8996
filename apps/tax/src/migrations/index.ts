import { Migration20261207063350 } from './Migration20261207063350';
import { Migration20261207070017 } from './Migration20261207070017';

/** Every migration of the tax schema, oldest first. Add new ones here after `migrate create`. */
export const TAX_MIGRATIONS = [Migration20261207063350, Migration20261207070017];
