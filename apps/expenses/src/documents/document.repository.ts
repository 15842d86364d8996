import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { DocumentStatus } from '@irp/contracts';
import { isUniqueViolation, type KeysetPosition } from '@irp/persistence';
import { IdempotencyKeyTaken } from '../expenses/expenses.errors';
import type { DeletedTwin } from '../duplicates/duplicate-pointer';
import { Document } from './document.entity';

@Injectable()
export class DocumentRepository {
  constructor(private readonly em: EntityManager) {}

  findOwned(userId: string, id: string): Promise<Document | null> {
    return this.em.findOne(Document, { id, userId });
  }

  /**
   * The document, locked until the current transaction ends: reports about one document are then
   * applied one after the other, even when they arrive together.
   */
  findForUpdate(id: string): Promise<Document | null> {
    return this.em.findOne(Document, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findOwnedForUpdate(userId: string, id: string): Promise<Document | null> {
    return this.em.findOne(Document, { id, userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findByIdempotencyKey(userId: string, key: string): Promise<Document | null> {
    return this.em.findOne(Document, { userId, idempotencyKey: key });
  }

  /** Newest first, keyset-paged on (created_at, id). */
  page(userId: string, limit: number, status?: DocumentStatus, after?: KeysetPosition): Promise<Document[]> {
    const qb = this.em.createQueryBuilder(Document, 'd').select('*').where({ userId });
    if (status) qb.andWhere({ status });
    if (after) qb.andWhere('(d.created_at, d.id) < (?, ?)', [after.at, after.id]);
    return qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(limit + 1).getResult();
  }

  async existsOwned(userId: string, id: string): Promise<boolean> {
    return (await this.em.count(Document, { id, userId })) > 0;
  }

  /** Documents read into the expense, told it is gone (they stay, as read). */
  async unlinkFiledAs(userId: string, expenseId: string): Promise<void> {
    await this.em.nativeUpdate(Document, { userId, expenseId }, { expenseId: null, updatedAt: new Date() });
  }

  /** Documents of the user flagged as duplicates of the deleted twin. */
  flaggedAgainst(userId: string, deleted: DeletedTwin): Promise<Document[]> {
    return this.em.find(Document, { userId, duplicateOf: deleted });
  }

  /** The user a document belongs to, read without a lock (it never changes). */
  async ownerOf(id: string): Promise<string | null> {
    const [row] = await this.em.execute<{ user_id: string }[]>('select user_id from expenses.document where id = ?', [id]);
    return row?.user_id ?? null;
  }

  /** Bytes of documents the user keeps; under OwnerLock, two uploads cannot both take the last room. */
  async storedBytes(userId: string): Promise<number> {
    const [{ bytes }] = await this.em.execute<{ bytes: string }[]>('select coalesce(sum(size), 0)::bigint as bytes from expenses.document where user_id = ?', [userId]);
    return Number(bytes);
  }

  /** Stores a new document; IdempotencyKeyTaken when a concurrent upload with its key committed first. */
  async add(document: Document): Promise<void> {
    try {
      await this.em.persist(document).flush();
    } catch (error) {
      if (document.idempotencyKey && isUniqueViolation(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
  }

  remove(document: Document): void {
    this.em.remove(document);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
