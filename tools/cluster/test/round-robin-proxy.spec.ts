import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@irp/embedded-infra';
import { BACKEND_LOST_HEADER, RoundRobinProxy } from '../src/round-robin-proxy';

/** A gateway stand-in: answers its name and the body it got, or dies with the request (path /die). */
async function backend(name: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/die') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${name}:${Buffer.concat(chunks).toString()}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe(RoundRobinProxy.name, () => {
  const servers: Server[] = [];
  const proxies: RoundRobinProxy[] = [];

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    for (const server of servers) server.close();
  });

  async function proxyTo(backends: string[]): Promise<RoundRobinProxy> {
    const proxy = await RoundRobinProxy.start(backends);
    proxies.push(proxy);
    return proxy;
  }

  const post = async (url: string, body = 'x') => {
    const response = await fetch(url, { method: 'POST', body });
    return { status: response.status, text: await response.text(), lost: response.headers.get(BACKEND_LOST_HEADER) };
  };

  it('takes turns between the replicas and passes the body on', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    servers.push(a.server, b.server);
    const proxy = await proxyTo([a.url, b.url]);

    const answers = [await post(`${proxy.url}/x`, 'one'), await post(`${proxy.url}/x`, 'two'), await post(`${proxy.url}/x`, 'three')];

    expect(answers.map((answer) => answer.text)).toEqual(['a:one', 'b:two', 'a:three']);
  });

  it('sends a request a replica refuses (down) to the next one', async () => {
    const a = await backend('a');
    servers.push(a.server);
    const proxy = await proxyTo([`http://127.0.0.1:${await freePort()}`, a.url]);

    expect(await post(`${proxy.url}/x`, 'body')).toEqual({ status: 200, text: 'a:body', lost: null });
    expect(proxy.failovers).toBe(1);
  });

  it('answers 502, marked, when the replica dies with the request in flight (not repeated elsewhere)', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    servers.push(a.server, b.server);
    const proxy = await proxyTo([a.url, b.url]);

    const answer = await post(`${proxy.url}/die`);

    expect(answer.status).toBe(502);
    expect(answer.lost).toBe(a.url);
    expect(proxy.failovers).toBe(0);
  });

  it('answers 503 when no replica is up', async () => {
    const proxy = await proxyTo([`http://127.0.0.1:${await freePort()}`]);

    expect((await post(`${proxy.url}/x`)).status).toBe(503);
  });
});
