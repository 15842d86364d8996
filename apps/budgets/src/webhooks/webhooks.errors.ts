import { DomainError, ErrorCode } from '@irp/contracts';

const invalid = (field: string, message: string) => new DomainError(ErrorCode.VALIDATION, message, { fields: [{ field, messages: [message] }] });

export const WebhooksErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'webhook not found'),
  invalidUrl: (message: string) => invalid('url', message),
  internalTarget: (host: string) => invalid('url', `url host ${host} is inside the platform's network (loopback, private or reserved addresses are refused)`),
};
