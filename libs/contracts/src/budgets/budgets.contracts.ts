import { defineContracts } from '../contract-kit';
import { STREAMS } from '../events';

/**
 * What the budgets service serves and publishes on the bus: `rpc('budgets.<entity>.<verb>.v1', Request, Response, summary)`
 * and `event('budgets.events.<entity>.<past-tense>.v1', STREAMS.BUDGETS, Payload, summary)`.
 */
export const BUDGETS_CONTRACTS = defineContracts({
  service: 'budgets',
  streams: [STREAMS.BUDGETS],
  rpc: {},
  events: {},
});
