import { DomainError, ErrorCode } from '@irp/contracts';

export const TokensErrors = {
  invalidRefreshToken: () => new DomainError(ErrorCode.UNAUTHENTICATED, 'the refresh token is invalid, expired or revoked'),
};
