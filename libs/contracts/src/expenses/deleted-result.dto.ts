import { Equals } from 'class-validator';

/** The answer to a delete. */
export class DeletedResult {
  @Equals(true)
  deleted!: true;
}
