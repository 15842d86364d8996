import { IsUUID } from 'class-validator';

/** Every request on the bus on behalf of a user carries that user's id (set by the gateway from the token). */
export class UserScoped {
  @IsUUID()
  userId!: string;
}
