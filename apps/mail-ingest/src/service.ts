import { MAIL_INGEST_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { MAIL_INGEST_CONFIG, loadMailIngestConfig } from './config/env';
import { MAIL_INGEST_MIGRATIONS } from './migrations';

/** The mail-ingest service. Its features go into `features`, their entities into `entities`. */
export const MAIL_INGEST_SERVICE = defineService({
  name: 'mail-ingest',
  schema: 'mail',
  loadConfig: loadMailIngestConfig,
  configToken: MAIL_INGEST_CONFIG,
  entities: [],
  migrations: MAIL_INGEST_MIGRATIONS,
  streams: MAIL_INGEST_CONTRACTS.streams,
  features: [],
});
