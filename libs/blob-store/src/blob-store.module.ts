import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@irp/messaging';
import { NatsObjectBlobStore } from './nats-object-blob-store';

export const BLOB_STORE = Symbol('BLOB_STORE');

/** Provides BLOB_STORE (a BlobStore on a NATS Object Store bucket). Needs NatsModule. */
@Global()
@Module({})
export class BlobStoreModule {
  static forRoot(bucket: string): DynamicModule {
    return {
      module: BlobStoreModule,
      providers: [{ provide: BLOB_STORE, useFactory: (nc: NatsConnection) => NatsObjectBlobStore.open(nc, bucket), inject: [NATS_CONNECTION] }],
      exports: [BLOB_STORE],
    };
  }
}
