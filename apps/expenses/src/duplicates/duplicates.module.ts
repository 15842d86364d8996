import { Module } from '@nestjs/common';
import { DuplicateDetector } from './duplicate-detector';
import { DuplicatesRepository } from './duplicates.repository';

/** Finding likely duplicates (DuplicateDetector) and the pointer rule (withoutTwin). At the bottom: it knows rows by id only. */
@Module({
  providers: [DuplicateDetector, DuplicatesRepository],
  exports: [DuplicateDetector],
})
export class DuplicatesModule {}
