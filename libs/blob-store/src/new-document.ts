import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, SUBJECTS, type RegisterDocumentRequest, type RegisterDocumentResult } from '@irp/contracts';
import type { RpcClient } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import type { BlobStore } from './blob-store';

const log = getLogger('NewDocument');

/** A document as its sender describes it; its id, object name, size and hash come from storing it. */
export type NewDocument = Omit<RegisterDocumentRequest, 'documentId' | 'objectName' | 'size' | 'sha256'>;

/**
 * A new document (an upload, a mail's part): its bytes put in the documents bucket, then
 * registered with expenses, which queues the reading. Bytes nobody knows of are not kept: those of
 * a refused registration, and those of a replay of an earlier document with the same idempotency
 * key. Two cases keep them, so that no document loses its bytes: a registration sent again after a
 * timeout that answers with this very document, and one whose outcome is in doubt (expenses did
 * not answer; an orphan is logged).
 */
export async function storeNewDocument(
  blobs: BlobStore,
  rpc: RpcClient,
  bytes: AsyncIterable<Uint8Array> | Uint8Array,
  maxBytes: number,
  document: NewDocument,
): Promise<RegisterDocumentResult> {
  const documentId = randomUUID();
  const objectName = `${document.userId}/${documentId}`;
  const stored = await blobs.put(objectName, bytes, { maxBytes, contentType: document.mimeType });
  try {
    const registered = await rpc.request(SUBJECTS.registerDocument, { ...document, documentId, objectName, size: stored.size, sha256: stored.sha256 });
    if (registered.replayed && registered.document.id !== documentId) {
      await blobs.delete(objectName).catch((error: unknown) => log.warn({ err: error, objectName }, 'could not delete the bytes of a replayed document'));
    }
    return registered;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAVAILABLE) log.warn({ err: error, objectName }, 'kept the bytes of a document whose registration is in doubt');
    else await blobs.delete(objectName).catch(() => undefined);
    throw error;
  }
}
