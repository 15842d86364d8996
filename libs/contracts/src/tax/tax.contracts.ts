import { defineContracts } from '../contract-kit';
import { STREAMS } from '../events';

/**
 * What the tax service serves and publishes on the bus: `rpc('tax.<entity>.<verb>.v1', Request, Response, summary)`
 * and `event('tax.events.<entity>.<past-tense>.v1', STREAMS.TAX, Payload, summary)`.
 */
export const TAX_CONTRACTS = defineContracts({
  service: 'tax',
  streams: [STREAMS.TAX],
  rpc: {},
  events: {},
});
