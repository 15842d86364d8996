import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { DomainError, ErrorCode } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/env';

export const ACCEPTS_STREAM_TOKEN = Symbol('ACCEPTS_STREAM_TOKEN');

/** Marks the one route that also accepts a document stream token as `?token=` (for EventSource, which cannot send headers). */
export const AcceptsStreamToken = () => SetMetadata(ACCEPTS_STREAM_TOKEN, true);

/** Its own audience and algorithm: an access token is never a stream token, nor the other way round. */
const AUDIENCE = 'irp:document-events';
const ISSUER = 'irp-gateway';
const ALGORITHM = 'HS256';

interface StreamTokenClaims {
  sub: string;
  doc: string;
}

const refused = (detail: string) => new DomainError(ErrorCode.UNAUTHENTICATED, detail);

/**
 * Short-lived tokens that open the event stream of one document and nothing else: HS256 JWTs
 * bound to the user and the document, signed with STREAM_TOKEN_SECRET. They only work where
 * a route is marked @AcceptsStreamToken(), and only for the document in that route.
 */
@Injectable()
export class StreamTokens {
  private readonly secret: string;
  private readonly ttlSeconds: number;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly jwt: JwtService,
  ) {
    this.ttlSeconds = config.streamTokens.ttlSeconds;
    this.secret = config.streamTokens.secret ?? randomBytes(32).toString('base64url');
    if (!config.streamTokens.secret) {
      getLogger(StreamTokens.name).warn('STREAM_TOKEN_SECRET is not set: stream tokens are signed with a random key and work only on this replica');
    }
  }

  issue(userId: string, documentId: string): { token: string; expiresAt: Date } {
    const exp = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const token = this.jwt.sign({ doc: documentId, exp }, { secret: this.secret, algorithm: ALGORITHM, subject: userId, audience: AUDIENCE, issuer: ISSUER });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user the token was issued to, when it opens this document's stream; UNAUTHENTICATED otherwise. */
  verify(token: string, documentId: string): string {
    let claims: StreamTokenClaims;
    try {
      claims = this.jwt.verify<StreamTokenClaims>(token, { secret: this.secret, algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER });
    } catch (error) {
      throw refused((error as Error).name === 'TokenExpiredError' ? 'the stream token has expired: ask for a new one' : 'the stream token is invalid');
    }
    if (claims.doc !== documentId) throw refused('this stream token is for another document');
    return claims.sub;
  }
}
