import { StorageType } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { resilientJetStream, streamReplicasOf } from '@irp/messaging';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobTooLargeError, type BlobStore, type StoredBlob } from './blob-store';

/** The default blob store: a JetStream Object Store bucket (no extra server to run). */
export class NatsObjectBlobStore implements BlobStore {
  private constructor(private readonly bucket: ObjectStore) {}

  static async open(nc: NatsConnection, bucket: string): Promise<NatsObjectBlobStore> {
    return new NatsObjectBlobStore(await new Objm(resilientJetStream(nc)).create(bucket, { storage: StorageType.File, replicas: streamReplicasOf(nc) }));
  }

  async put(name: string, data: AsyncIterable<Uint8Array>, options: { maxBytes: number; contentType: string }): Promise<StoredBlob> {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
        hash.update(chunk);
        yield chunk;
      }
    };
    try {
      await this.bucket.put(
        { name, description: options.contentType, options: { max_chunk_size: 256 * 1024 } },
        Readable.toWeb(Readable.from(counted())) as ReadableStream<Uint8Array>,
      );
    } catch (error) {
      // Whatever chunks made it in are removed with the entry.
      await this.bucket.delete(name).catch(() => undefined);
      throw error instanceof BlobTooLargeError || (error as { cause?: unknown })?.cause instanceof BlobTooLargeError
        ? new BlobTooLargeError(options.maxBytes)
        : error;
    }
    return { name, size, sha256: hash.digest('hex') };
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
