/** Stable error codes that cross service boundaries; the gateway maps each to one HTTP status. */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  messages: string[];
}

/** What an RPC answers instead of a result. Never carries stacks, SQL or other internals. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldError[]; errorId?: string; [key: string]: unknown };
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && code in ErrorCode && typeof message === 'string';
}

/**
 * An expected failure with a stable code. Domain code throws these (never HTTP exceptions); they
 * cross NATS as RpcErrorPayload and come out of RpcClient.request() as DomainError again.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: RpcErrorPayload['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toPayload(): RpcErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(payload: RpcErrorPayload): DomainError {
    return new DomainError(payload.code, payload.message, payload.details);
  }
}
