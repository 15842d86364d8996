import { DomainError, ErrorCode } from '@irp/contracts';

export const UsersErrors = {
  emailTaken: () => new DomainError(ErrorCode.CONFLICT, 'an account with this e-mail address already exists'),
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'user not found'),
  // One message for unknown e-mail and wrong password: never tell which part was wrong.
  invalidCredentials: () => new DomainError(ErrorCode.UNAUTHENTICATED, 'invalid e-mail or password'),
};
