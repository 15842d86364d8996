import { AUTH_CONTRACTS } from '../auth/auth.contracts';
import { BUDGETS_CONTRACTS } from '../budgets/budgets.contracts';
import { defineContracts } from '../contract-kit';
import { DOCUMENTS_BUCKET, PROGRESS_SUBJECTS } from '../documents/document.dto';
import { EXPENSES_CONTRACTS } from '../expenses/expenses.contracts';
import { TAX_CONTRACTS } from '../tax/tax.contracts';
import { TAX_REPORTS_BUCKET } from '../tax/tax-report.dto';
import { MAIL_INGEST_CONTRACTS } from '../mail-ingest/mail-ingest.contracts';

/** KV buckets of the gateway: rate-limit counters and keys shared by its replicas. */
export const GATEWAY_BUCKETS = { rateLimits: 'gateway-rate-limits', keys: 'gateway-keys' } as const;

/** The gateway serves HTTP, not the bus: it calls the services, stores uploads, follows progress. */
export const GATEWAY_CONTRACTS = defineContracts({
  service: 'gateway',
  streams: [],
  rpc: {},
  events: {},
  uses: {
    calls: [...Object.values(AUTH_CONTRACTS.rpc), ...Object.values(EXPENSES_CONTRACTS.rpc), ...Object.values(TAX_CONTRACTS.rpc), ...Object.values(BUDGETS_CONTRACTS.rpc), ...Object.values(MAIL_INGEST_CONTRACTS.rpc)].map((declaration) => declaration.subject),
    objectBuckets: [DOCUMENTS_BUCKET, TAX_REPORTS_BUCKET],
    kvBuckets: Object.values(GATEWAY_BUCKETS),
    subscribes: [PROGRESS_SUBJECTS.any('*')],
  },
});
