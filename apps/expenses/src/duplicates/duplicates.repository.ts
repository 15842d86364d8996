import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SAME_IMAGE_MAX_HAMMING_DISTANCE } from '@irp/contracts';

/** A twin found: the earliest matching row, by its ids. */
export interface TwinRow {
  documentId: string | null;
  expenseId: string | null;
}

/** What makes a receipt the same one: vendor (normalised), date and total. */
export interface ReceiptKey {
  vendorNormalized: string;
  date: string;
  amountMinor: bigint;
  currency: string;
}

/**
 * Searches documents and expenses for an earlier twin. Plain SQL on their tables rather than their
 * entities: this module sits below the ledger and documents, and only needs ids back.
 */
@Injectable()
export class DuplicatesRepository {
  constructor(private readonly em: EntityManager) {}

  /** An earlier document of the user with the very same bytes. */
  async sameFile(userId: string, documentId: string | null, sha256: string): Promise<TwinRow | null> {
    const [twin] = await this.em.execute<{ id: string; expense_id: string | null }[]>(
      `select id, expense_id from expenses.document where user_id = ? and sha256 = ? and id is distinct from ?::uuid order by created_at limit 1`,
      [userId, sha256, documentId],
    );
    return twin ? { documentId: twin.id, expenseId: twin.expense_id } : null;
  }

  /** An earlier document of the user whose picture is the same (perceptual hashes a few bits apart). */
  async sameImage(userId: string, documentId: string | null, imageHash: string): Promise<TwinRow | null> {
    const [twin] = await this.em.execute<{ id: string; expense_id: string | null }[]>(
      `select id, expense_id from expenses.document
        where user_id = ? and id is distinct from ?::uuid and image_hash is not null
          and bit_count(('x' || image_hash)::bit(64) # ('x' || ?)::bit(64)) <= ?
        order by created_at limit 1`,
      [userId, documentId, imageHash, SAME_IMAGE_MAX_HAMMING_DISTANCE],
    );
    return twin ? { documentId: twin.id, expenseId: twin.expense_id } : null;
  }

  /** An expense of the user with the same vendor, date and total: the same receipt filed twice. */
  async sameReceipt(userId: string, receipt: ReceiptKey): Promise<TwinRow | null> {
    const [twin] = await this.em.execute<{ id: string; document_id: string | null }[]>(
      `select id, document_id from expenses.expense
        where user_id = ? and vendor_normalized = ? and date = ?::date and amount_minor = ?::bigint and currency = ?
        order by created_at limit 1`,
      [userId, receipt.vendorNormalized, receipt.date, receipt.amountMinor.toString(), receipt.currency],
    );
    return twin ? { documentId: twin.document_id, expenseId: twin.id } : null;
  }
}
