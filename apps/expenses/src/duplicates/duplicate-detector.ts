import { Injectable } from '@nestjs/common';
import type { DuplicatePointer } from './duplicate-pointer';
import { DuplicatesRepository, type ReceiptKey } from './duplicates.repository';

/** What is known of an upload or an expense so far; each piece given is checked, the rest skipped. */
export interface DuplicateEvidence {
  userId: string;
  /** The document being checked, never its own twin. */
  documentId?: string;
  /** Known at upload: the same bytes. */
  sha256?: string;
  /** Known once read: the same picture. */
  imageHash?: string | null;
  /** Known once filed: the same receipt (a zero total says nothing). */
  receipt?: ReceiptKey;
}

/**
 * The one place that decides whether something was seen before: the same bytes, then the same
 * picture, then the same receipt, strongest first. A duplicate is flagged with a pointer to its
 * twin, never dropped or merged.
 */
@Injectable()
export class DuplicateDetector {
  constructor(private readonly duplicates: DuplicatesRepository) {}

  async detect(evidence: DuplicateEvidence): Promise<DuplicatePointer | null> {
    const { userId } = evidence;
    const documentId = evidence.documentId ?? null;
    if (evidence.sha256) {
      const twin = await this.duplicates.sameFile(userId, documentId, evidence.sha256);
      if (twin) return { ...twin, reason: 'same_file' };
    }
    if (evidence.imageHash) {
      const twin = await this.duplicates.sameImage(userId, documentId, evidence.imageHash);
      if (twin) return { ...twin, reason: 'same_image' };
    }
    if (evidence.receipt && evidence.receipt.amountMinor !== 0n) {
      const twin = await this.duplicates.sameReceipt(userId, evidence.receipt);
      if (twin) return { ...twin, reason: 'same_receipt' };
    }
    return null;
  }
}
