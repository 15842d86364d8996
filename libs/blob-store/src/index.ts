export { BlobTooLargeError, type BlobStore, type StoredBlob } from './blob-store';
export { NatsObjectBlobStore } from './nats-object-blob-store';
export { BLOB_STORE, BlobStoreModule, blobStoreProvider } from './blob-store.module';
export { storeNewDocument, type NewDocument } from './new-document';
