import { Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@irp/contracts';
import { CallerResolver, type Caller } from './caller-resolver';

export type { Caller };

const IS_PUBLIC = Symbol('IS_PUBLIC');
const REQUIRED_ROLE = Symbol('REQUIRED_ROLE');

/** Marks a route that needs no access token. Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Marks a route only callers with this role may use (403 for the others). */
export const RequireRole = (role: 'admin') => SetMetadata(REQUIRED_ROLE, role);

type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

/** The authenticated caller of the request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'authentication required');
  return caller;
});

/** Global guard: a valid `Authorization: Bearer <access token>` (or a stream token where the route takes one) unless the route is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.callers.resolve(context);
    if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'an access token is required: Authorization: Bearer <token>');
    request.caller = caller;
    const role = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (role && !caller.roles.includes(role)) throw new DomainError(ErrorCode.FORBIDDEN, `this needs the ${role} role`);
    return true;
  }
}
