import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, storeNewDocument, type BlobStore } from '@irp/blob-store';
import type { DocumentProvenance, MailProvenance } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
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
    const { document } = await storeNewDocument(this.blobs, this.rpc, part.bytes, MAX_DOCUMENT_BYTES, {
      userId,
      ...(part.fileName && { fileName: part.fileName.slice(0, 255) }),
      mimeType: part.mimeType,
      idempotencyKey,
      provenance,
    });
    return document.id;
  }
}
