import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BLOB_STORE, type BlobStore } from '@irp/blob-store';
import { SUBJECTS, type DocumentProvenance, type MailProvenance } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import type { ReceiptPart } from '../parsing/receipt-attachments';

/** Larger parts than uploads may be are not filed (the gateway's default upload limit). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Files a mail's parts as documents the way an upload is filed: bytes into the documents bucket,
 * then registered with expenses (which queues the reading). Each part's idempotency key is the
 * message and its position, so filing a message again after a crash makes no second document.
 */
@Injectable()
export class DocumentFiler {
  private readonly log = getLogger(DocumentFiler.name);

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly rpc: RpcClient,
  ) {}

  async file(userId: string, messageId: string, parts: readonly ReceiptPart[], provenance: MailProvenance): Promise<string[]> {
    const documentIds: string[] = [];
    for (const [index, part] of parts.entries()) {
      if (part.bytes.length > MAX_DOCUMENT_BYTES) continue;
      documentIds.push(await this.fileOne(userId, `mail:${messageId}:${index}`, part, { channel: 'email', ...provenance }));
    }
    return documentIds;
  }

  private async fileOne(userId: string, idempotencyKey: string, part: ReceiptPart, provenance: DocumentProvenance): Promise<string> {
    const documentId = randomUUID();
    const objectName = `${userId}/${documentId}`;
    const stored = await this.blobs.put(objectName, part.bytes, { maxBytes: MAX_DOCUMENT_BYTES, contentType: part.mimeType });
    try {
      const { document, replayed } = await this.rpc.request(SUBJECTS.registerDocument, {
        userId,
        documentId,
        objectName,
        ...(part.fileName && { fileName: part.fileName.slice(0, 255) }),
        mimeType: part.mimeType,
        size: stored.size,
        sha256: stored.sha256,
        idempotencyKey,
        provenance,
      });
      if (replayed) await this.blobs.delete(objectName).catch((error: unknown) => this.log.warn({ err: error, objectName }, 'could not delete a replayed part'));
      return document.id;
    } catch (error) {
      await this.blobs.delete(objectName).catch(() => undefined); // never keep bytes nobody knows of
      throw error;
    }
  }
}
