import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** At most this much of a refused body is read and thrown away; beyond it the connection just closes. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
/** …and for at most this long. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * A request refused before its body was read (413 on its declared length, a bad upload) is
 * answered once the client has finished sending, within bounds. Fastify closes such a connection
 * right after its answer; a client still writing then meets a broken pipe (EPIPE) instead of
 * the 413 that says what was wrong.
 */
export function drainRefusedBodies(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && !request.raw.complete) await drain(request.raw);
    return payload;
  });
}

function drain(request: IncomingMessage): Promise<void> {
  if (request.destroyed || request.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT_BYTES) done();
    };
    const done = () => {
      clearTimeout(timer);
      request.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    request.on('data', onData).once('end', done).once('error', done).once('close', done);
    request.resume();
  });
}
