import { Migration20261124013425 } from './Migration20261124013425';
import { Migration20261124084223 } from './Migration20261124084223';

/** Every migration of the ocr schema, oldest first. Add new ones here after `migrate create`. */
export const OCR_MIGRATIONS = [Migration20261124013425, Migration20261124084223];
