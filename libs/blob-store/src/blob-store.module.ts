import { Global, Module, type DynamicModule, type FactoryProvider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@irp/messaging';
import { NatsObjectBlobStore } from './nats-object-blob-store';

export const BLOB_STORE = Symbol('BLOB_STORE');

/** Provides `token` as a BlobStore on a NATS Object Store bucket (a service's other buckets). Needs NatsModule. */
export function blobStoreProvider(token: symbol, bucket: string): FactoryProvider<Promise<NatsObjectBlobStore>> {
  return { provide: token, useFactory: (nc: NatsConnection) => NatsObjectBlobStore.open(nc, bucket), inject: [NATS_CONNECTION] };
}

/** Provides BLOB_STORE (a BlobStore on a NATS Object Store bucket), everywhere in the service. Needs NatsModule. */
@Global()
@Module({})
export class BlobStoreModule {
  static forRoot(bucket: string): DynamicModule {
    return { module: BlobStoreModule, providers: [blobStoreProvider(BLOB_STORE, bucket)], exports: [BLOB_STORE] };
  }
}
