import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_BUDGET = Symbol('RATE_LIMIT_BUDGET');

/**
 * The budget a route draws on when it is not the default (GET: `reads`, anything else: `writes`):
 * `auth` for sign-in routes (per client IP and route), `uploads` for document uploads (counted, and by bytes).
 */
export const RateLimitBudget = (budget: 'auth' | 'uploads') => SetMetadata(RATE_LIMIT_BUDGET, budget);
