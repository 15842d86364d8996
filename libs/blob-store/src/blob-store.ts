import type { Readable } from 'node:stream';

export interface StoredBlob {
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they streamed in. */
  sha256: string;
}

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

/**
 * Where uploaded documents' bytes live. One small interface, so the NATS Object Store default can
 * be swapped for S3 or a disk without touching the services.
 */
export interface BlobStore {
  /** Streams the bytes in (or takes them at once), hashing and counting; past `maxBytes` it stops, stores nothing and throws BlobTooLargeError. */
  put(name: string, data: AsyncIterable<Uint8Array> | Uint8Array, options: { maxBytes: number; contentType: string }): Promise<StoredBlob>;
  /** The bytes as a stream, or null when there is no such blob. */
  get(name: string): Promise<Readable | null>;
  getBuffer(name: string): Promise<Buffer | null>;
  delete(name: string): Promise<void>;
}
