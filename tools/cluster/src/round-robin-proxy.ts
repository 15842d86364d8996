import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Header the proxy sets on a 502 it answers because the gateway died with the request in flight. */
export const BACKEND_LOST_HEADER = 'x-proxy-backend-lost';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Why a forward failed: before the gateway had the request (safe to try the next) or after. */
class ForwardError extends Error {
  constructor(
    readonly requestSent: boolean,
    cause: Error,
  ) {
    super(cause.message, { cause });
  }
}

/**
 * The load balancer in front of the gateway replicas, as a Kubernetes Service or an ingress
 * would be: round robin; a replica that refuses the connection (down, restarting) is skipped and
 * the request goes to the next; a request whose gateway dies after taking it is answered 502 and
 * marked (BACKEND_LOST_HEADER), since only the client may know whether to repeat it.
 */
export class RoundRobinProxy {
  private next = 0;
  /** Requests that went to another replica because one refused the connection. */
  failovers = 0;

  private constructor(
    private readonly server: Server,
    private readonly backends: readonly string[],
  ) {}

  static async start(backends: readonly string[]): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server, backends);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void proxy.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    const start = this.next++ % this.backends.length;
    for (let attempt = 0; attempt < this.backends.length; attempt++) {
      const backend = this.backends[(start + attempt) % this.backends.length];
      try {
        await forward(backend, req, body, res);
        return;
      } catch (error) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof ForwardError && error.requestSent) {
          res.writeHead(502, { [BACKEND_LOST_HEADER]: backend, 'content-type': 'text/plain' }).end('the gateway replica died with the request in flight');
          return;
        }
        this.failovers++;
      }
    }
    res.writeHead(503, { 'content-type': 'text/plain' }).end('no gateway replica is up');
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function forward(backend: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
  const target = new URL(req.url ?? '/', backend);
  return new Promise((resolve, reject) => {
    let connected = false;
    const { 'transfer-encoding': _chunked, ...headers } = req.headers;
    // A new connection per request (agent: false): its 'connect' tells sent from refused.
    const outgoing = request(target, { method: req.method, agent: false, headers: { ...headers, host: target.host, 'content-length': String(body.length) } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => resolve());
      answer.on('error', (error) => reject(new ForwardError(true, error)));
    });
    outgoing.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    outgoing.on('error', (error) => reject(new ForwardError(connected, error)));
    outgoing.end(body);
  });
}
