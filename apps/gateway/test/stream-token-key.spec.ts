import { JwtService } from '@nestjs/jwt';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { startNatsServer, type TestServer } from '@irp/testing';
import { StreamTokens } from '../src/auth/stream-tokens';
import type { GatewayConfig } from '../src/config/env';

describe('stream tokens without STREAM_TOKEN_SECRET', () => {
  let nats: TestServer;
  let connections: NatsConnection[];

  beforeAll(async () => {
    nats = await startNatsServer();
    connections = await Promise.all([connect({ servers: nats.url }), connect({ servers: nats.url })]);
  });

  afterAll(async () => {
    await Promise.all(connections?.map((nc) => nc.close()) ?? []);
    await nats?.dispose();
  });

  const replica = (nc: NatsConnection, secret?: string) => new StreamTokens({ streamTokens: { secret, ttlSeconds: 60 } } as GatewayConfig, new JwtService(), nc);

  it('sign with one random key the replicas share through NATS KV: a token from one opens the stream on another', async () => {
    const [a, b] = await Promise.all(connections.map((nc) => replica(nc)));
    const userId = randomUUID();
    const documentId = randomUUID();
    // Both replicas start at once: one key wins, both use it.
    const [fromA, fromB] = await Promise.all([a.issue(userId, documentId), b.issue(userId, documentId)]);
    expect(await b.verify(fromA.token, documentId)).toBe(userId);
    expect(await a.verify(fromB.token, documentId)).toBe(userId);
    // The key is random, not a default anyone could know: a replica with a configured secret refuses them.
    await expect(replica(connections[0], 'a-configured-secret-of-32-characters-or-more').verify(fromA.token, documentId)).rejects.toThrow('invalid');
  });
});
