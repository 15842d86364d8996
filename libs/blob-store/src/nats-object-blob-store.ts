import { StorageType } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { isNatsTimeout, isNoResponders, resilientJetStream, retryDelayMs, streamReplicasOf } from '@irp/messaging';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobTooLargeError, type BlobStore, type StoredBlob } from './blob-store';

/** How long a put waits for the bucket's stream to answer again (a server rejoining, a leader election). */
const UNSETTLED_FOR_MS = 15_000;

/** The default blob store: a JetStream Object Store bucket (no extra server to run). */
export class NatsObjectBlobStore implements BlobStore {
  private constructor(private readonly bucket: ObjectStore) {}

  static async open(nc: NatsConnection, bucket: string): Promise<NatsObjectBlobStore> {
    return new NatsObjectBlobStore(await new Objm(resilientJetStream(nc)).create(bucket, { storage: StorageType.File, replicas: streamReplicasOf(nc) }));
  }

  async put(name: string, data: AsyncIterable<Uint8Array> | Uint8Array, options: { maxBytes: number; contentType: string }): Promise<StoredBlob> {
    const chunks = data instanceof Uint8Array ? [data] : data;
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
        hash.update(chunk);
        yield chunk;
      }
    };
    const source = counted();
    let started = false;
    // Pulled only when the store reads (high-water mark 0), so `started` tells whether any byte was taken.
    const readable = () =>
      new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            started = true;
            const { done, value } = await source.next();
            if (done) controller.close();
            else controller.enqueue(value);
          },
        },
        { highWaterMark: 0 },
      );
    const deadline = Date.now() + UNSETTLED_FOR_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.bucket.put(
          { name, description: options.contentType, options: { max_chunk_size: 256 * 1024 } },
          readable(),
        );
        return { name, size, sha256: hash.digest('hex') };
      } catch (error) {
        // Before the first byte is read the put only asked for the entry's current state, which a
        // server rejoining the cluster may leave unanswered: asking again loses nothing.
        if (!started && (isNatsTimeout(error) || isNoResponders(error)) && Date.now() < deadline) {
          await sleep(retryDelayMs(attempt, 100, 1_000));
          continue;
        }
        // Whatever chunks made it in are removed with the entry.
        await this.bucket.delete(name).catch(() => undefined);
        throw error instanceof BlobTooLargeError || (error as { cause?: unknown })?.cause instanceof BlobTooLargeError
          ? new BlobTooLargeError(options.maxBytes)
          : error;
      }
    }
  }

  async get(name: string): Promise<Readable | null> {
    const result = await this.bucket.get(name);
    if (!result) return null;
    return Readable.fromWeb(result.data as never);
  }

  async getBuffer(name: string): Promise<Buffer | null> {
    const bytes = await this.bucket.getBlob(name);
    return bytes ? Buffer.from(bytes) : null;
  }

  async delete(name: string): Promise<void> {
    if (await this.bucket.info(name)) await this.bucket.delete(name);
  }
}
