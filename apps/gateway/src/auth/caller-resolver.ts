import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessTokenVerifier } from './access-token.verifier';
import { ACCEPTS_STREAM_TOKEN, StreamTokens } from './stream-tokens';

export interface Caller {
  userId: string;
  roles: string[];
}

/** Who a request's credentials name: an access token (Authorization: Bearer), or a stream token where the route takes one. */
@Injectable()
export class CallerResolver {
  /** Per request: the rate-limit guard and the auth guard both ask, and a token is verified once. */
  private readonly resolved = new WeakMap<object, Promise<Caller | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly streamTokens: StreamTokens,
  ) {}

  /** The caller, or undefined when the request carries no credentials; UNAUTHENTICATED when they are not valid. */
  resolve(context: ExecutionContext): Promise<Caller | undefined> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    let caller = this.resolved.get(request);
    if (!caller) {
      caller = this.verify(context, request);
      this.resolved.set(request, caller);
    }
    return caller;
  }

  private async verify(context: ExecutionContext, request: FastifyRequest): Promise<Caller | undefined> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && token) {
      const claims = await this.verifier.verify(token);
      return { userId: claims.sub, roles: Array.isArray(claims.roles) ? claims.roles : [] };
    }
    const streamToken = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof streamToken === 'string' && this.reflector.getAllAndOverride<boolean>(ACCEPTS_STREAM_TOKEN, [context.getHandler(), context.getClass()])) {
      const documentId = (request.params as Record<string, string | undefined>).id ?? '';
      return { userId: await this.streamTokens.verify(streamToken, documentId), roles: [] };
    }
    return undefined;
  }
}
