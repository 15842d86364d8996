import { Inject, Injectable, type CanActivate, type ExecutionContext, type Provider } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';
import { CallerResolver } from '../auth/caller-resolver';
import { NatsRateLimitCounters } from './nats-rate-limit-counters';
import { GATEWAY_CONFIG, type GatewayConfig, type RateBudget } from '../config/env';
import { RATE_LIMIT_BUDGET } from './rate-limit.decorator';
import { rateLimitHeaders, type PolicyState } from './rate-limit-headers';

/** The counters every gateway replica shares (NATS KV). */
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

export const rateLimitStorageProvider: Provider = {
  provide: RATE_LIMIT_STORAGE,
  inject: [NATS_CONNECTION, GATEWAY_CONFIG],
  useFactory: (nc: NatsConnection, config: GatewayConfig) =>
    new NatsRateLimitCounters(nc, Math.max(...Object.values(config.rateLimits).map((budget: RateBudget) => budget.windowMs))),
};

interface Check {
  name: string;
  budget: RateBudget;
  counter: string;
  amount: number;
  unit?: 'content-bytes';
}

/**
 * Global guard, before authentication: every route draws on a budget per user (the access
 * token's subject) or, for anonymous calls and sign-in routes, per client IP — reads, writes,
 * uploads (also by bytes) or auth. Answers carry RateLimit-Policy and RateLimit; a request over
 * budget is refused with 429 and Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerResolver,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: NatsRateLimitCounters,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const checks = await this.checksFor(context, request);
    const states: PolicyState[] = [];
    for (const check of checks) {
      const result = await this.storage.consume(check.counter, check.budget.windowMs, check.budget.limit, check.amount);
      const state: PolicyState = {
        name: check.name,
        quota: check.budget.limit,
        windowSeconds: Math.ceil(check.budget.windowMs / 1000),
        unit: check.unit,
        remaining: check.budget.limit - result.used,
        resetSeconds: Math.ceil(result.resetMs / 1000),
      };
      states.push(state);
      if (!result.allowed) {
        void reply.headers({ ...rateLimitHeaders([state]), 'retry-after': String(Math.max(1, state.resetSeconds)) });
        throw new DomainError(ErrorCode.RATE_LIMITED, refusal(check, state));
      }
    }
    void reply.headers(rateLimitHeaders(states));
    return true;
  }

  private async checksFor(context: ExecutionContext, request: FastifyRequest): Promise<Check[]> {
    const budgets = this.config.rateLimits;
    const ip = `ip.${Buffer.from(request.ip).toString('hex')}`; // KV keys take no ':' (IPv6)
    const named = this.reflector.getAllAndOverride<'auth' | 'uploads' | undefined>(RATE_LIMIT_BUDGET, [context.getHandler(), context.getClass()]);
    if (named === 'auth') {
      return [{ name: 'auth', budget: budgets.auth, counter: `auth.${context.getClass().name}.${context.getHandler().name}.${ip}`, amount: 1 }];
    }
    // Invalid credentials count as anonymous: the guard after this one refuses them.
    const caller = await this.callers.resolve(context).catch(() => undefined);
    const who = caller ? `user.${caller.userId}` : ip;
    if (named === 'uploads') {
      // Without Content-Length the size is unknown until read: the largest upload is charged.
      const declared = Number(request.headers['content-length']);
      const bytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : this.config.uploads.maxBytes;
      return [
        { name: 'uploads', budget: budgets.uploads, counter: `uploads.${who}`, amount: 1 },
        { name: 'upload-bytes', budget: budgets.uploadBytes, counter: `upload-bytes.${who}`, amount: bytes, unit: 'content-bytes' },
      ];
    }
    const name = request.method === 'GET' || request.method === 'HEAD' ? 'reads' : 'writes';
    return [{ name, budget: budgets[name], counter: `${name}.${who}`, amount: 1 }];
  }
}

function refusal(check: Check, state: PolicyState): string {
  const what = check.unit === 'content-bytes' ? `${check.budget.limit} uploaded bytes` : `${check.budget.limit} ${check.name} requests`;
  return `rate limit: ${what} per ${state.windowSeconds} s (${check.name}) used up; try again in ${Math.max(1, state.resetSeconds)} s`;
}
