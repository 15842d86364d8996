'use strict';
// Docker HEALTHCHECK of every service image: GET /health/live on the ops port, exit 0 when it
// answers 2xx. Node instead of curl/wget: the slim image has neither. (Kubernetes ignores
// HEALTHCHECK and uses its own probes; see k8s/base.)
//
// The port is OPS_PORT when set (compose sets it), else the service's ops port in the registry of
// services, so a bare `docker run irp/<service>` is checked on the right port too. The image has
// the registry at the same path as the repository (deploy/Dockerfile copies it).
const { services } = require('../libs/service-registry/src/services.json');

const port = process.env.OPS_PORT || services.find((service) => service.name === process.env.SERVICE)?.opsPort;
if (!port) {
  console.error(`healthcheck: no OPS_PORT and no default ops port for service "${process.env.SERVICE}"`);
  process.exit(1);
}

fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  },
);
