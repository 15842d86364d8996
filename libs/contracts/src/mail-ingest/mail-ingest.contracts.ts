import { defineContracts } from '../contract-kit';
import { STREAMS } from '../events';

/**
 * What the mail-ingest service serves and publishes on the bus: `rpc('mail-ingest.<entity>.<verb>.v1', Request, Response, summary)`
 * and `event('mail-ingest.events.<entity>.<past-tense>.v1', STREAMS.MAIL_INGEST, Payload, summary)`.
 */
export const MAIL_INGEST_CONTRACTS = defineContracts({
  service: 'mail-ingest',
  streams: [STREAMS.MAIL_INGEST],
  rpc: {},
  events: {},
});
