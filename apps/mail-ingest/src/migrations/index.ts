import { Migration20261207063350 } from './Migration20261207063350';
import { Migration20261207064143 } from './Migration20261207064143';
import { Migration20261207065136 } from './Migration20261207065136';

/** Every migration of the mail schema, oldest first. Add new ones here after `migrate create`. */
export const MAIL_INGEST_MIGRATIONS = [Migration20261207063350, Migration20261207064143, Migration20261207065136];
