import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ExtractionRecord } from './extraction-record.entity';

@Injectable()
export class ExtractionRecordRepository {
  constructor(private readonly em: EntityManager) {}

  /** Kept with the transaction that records its event. */
  add(record: ExtractionRecord): void {
    this.em.persist(record);
  }
}
