import { defineEdgeService } from '@irp/platform';
import { ApiModule } from './api.module';
import { GATEWAY_CONFIG, loadGatewayConfig } from './config/env';
import { HttpListening } from './http/http-listening.check';

/** The gateway: the REST API in front of the services (it owns no schema). */
export const GATEWAY_SERVICE = defineEdgeService({
  name: 'gateway',
  loadConfig: loadGatewayConfig,
  configToken: GATEWAY_CONFIG,
  features: [ApiModule],
  requestTimeoutMs: (config) => config.rpcTimeoutMs,
  checks: [HttpListening],
});
