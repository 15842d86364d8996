import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createHash, randomBytes } from 'node:crypto';
import { startNatsServer, type TestServer } from '@irp/testing';
import { BlobTooLargeError, NatsObjectBlobStore } from '../src';

async function* chunks(data: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe(NatsObjectBlobStore.name, () => {
  let nats: TestServer;
  let nc: NatsConnection;
  let sut: NatsObjectBlobStore;

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connect({ servers: nats.url });
    sut = await NatsObjectBlobStore.open(nc, 'test-documents');
  });

  afterAll(async () => {
    await nc?.close();
    await nats?.dispose();
  });

  it('stores streamed bytes, hashing them on the way, and gives them back', async () => {
    const data = randomBytes(1_500_000);
    const stored = await sut.put('a', chunks(data), { maxBytes: 5_000_000, contentType: 'image/jpeg' });
    expect(stored).toEqual({ name: 'a', size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect((await sut.getBuffer('a'))?.equals(data)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const chunk of (await sut.get('a')) ?? []) streamed.push(chunk as Buffer);
    expect(Buffer.concat(streamed).equals(data)).toBe(true);
  });

  it('takes bytes already in memory at once', async () => {
    const data = randomBytes(300_000);
    expect(await sut.put('whole', data, { maxBytes: data.length, contentType: 'message/rfc822' })).toEqual({ name: 'whole', size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect((await sut.getBuffer('whole'))?.equals(data)).toBe(true);
  });

  it('refuses more than the limit and keeps nothing of it', async () => {
    await expect(sut.put('big', chunks(randomBytes(300_000)), { maxBytes: 200_000, contentType: 'image/png' })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await sut.getBuffer('big')).toBeNull();
  });

  it('deletes, and answers null for what is not there', async () => {
    await sut.put('gone', chunks(Buffer.from('x')), { maxBytes: 10, contentType: 'application/pdf' });
    await sut.delete('gone');
    await sut.delete('never-was');
    expect(await sut.get('gone')).toBeNull();
  });
});
