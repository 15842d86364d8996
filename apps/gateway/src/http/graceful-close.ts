import type { FastifyInstance } from 'fastify';

/**
 * While the gateway stops, every answer closes its connection: those to requests taken before
 * SIGTERM go out with `Connection: close` too, so clients and proxies take their next request to
 * another replica, and the server is not left waiting on kept-alive sockets until the clients drop
 * them (fastify marks only the requests that arrive once the close has begun).
 */
export function closeConnectionsWhenStopping(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('preClose', async () => {
    stopping = true;
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (stopping) void reply.header('connection', 'close');
    return payload;
  });
}
