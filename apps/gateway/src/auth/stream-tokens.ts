import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError, ErrorCode } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/env';
import { sharedStreamTokenKey } from './stream-token-key';

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
 * bound to the user and the document, signed with STREAM_TOKEN_SECRET (or, unset, a random key
 * the replicas share through NATS KV). They only work where a route is marked
 * @AcceptsStreamToken(), and only for the document in that route.
 */
@Injectable()
export class StreamTokens {
  private readonly log = getLogger(StreamTokens.name);
  private secret?: Promise<string>;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly jwt: JwtService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  async issue(userId: string, documentId: string): Promise<{ token: string; expiresAt: Date }> {
    const exp = Math.floor(Date.now() / 1000) + this.config.streamTokens.ttlSeconds;
    const token = this.jwt.sign({ doc: documentId, exp }, { secret: await this.key(), algorithm: ALGORITHM, subject: userId, audience: AUDIENCE, issuer: ISSUER });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user the token was issued to, when it opens this document's stream; UNAUTHENTICATED otherwise. */
  async verify(token: string, documentId: string): Promise<string> {
    const secret = await this.key();
    let claims: StreamTokenClaims;
    try {
      claims = this.jwt.verify<StreamTokenClaims>(token, { secret, algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER });
    } catch (error) {
      throw refused((error as Error).name === 'TokenExpiredError' ? 'the stream token has expired: ask for a new one' : 'the stream token is invalid');
    }
    if (claims.doc !== documentId) throw refused('this stream token is for another document');
    return claims.sub;
  }

  private key(): Promise<string> {
    const configured = this.config.streamTokens.secret;
    this.secret ??= configured
      ? Promise.resolve(configured)
      : sharedStreamTokenKey(this.nc).catch((error: unknown) => {
          this.secret = undefined; // try again on the next request
          this.log.warn({ err: error }, 'stream token key not available');
          throw new DomainError(ErrorCode.UNAVAILABLE, 'stream tokens are not available right now; try again shortly');
        });
    return this.secret;
  }
}
