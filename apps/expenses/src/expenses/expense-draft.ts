import type { CreateExpenseBody } from '@irp/contracts';

/** An expense read from a document, ready to file (documents make it; the ledger files it). */
export interface ExpenseDraft {
  body: CreateExpenseBody;
  /** Why it needs a human look; empty when every key field was read with confidence. */
  reviewReasons: string[];
  /** The values as read, to record corrections against. */
  extracted: Record<string, string | null>;
}
