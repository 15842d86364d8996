'use strict';
// Docker HEALTHCHECK of every service image: GET /health/live on the ops port, exit 0 when it
// answers 2xx. Node instead of curl/wget: the slim image has neither. (Kubernetes ignores
// HEALTHCHECK and uses its own probes; see k8s/base.)
//
// The port is OPS_PORT when set (compose sets it), else the service's default ops port, so a bare
// `docker run irp/<service>` is checked on the right port too. A new service adds its line here.
const DEFAULT_OPS_PORTS = {
  gateway: 9100,
  auth: 9101,
  expenses: 9102,
  ocr: 9103,
  budgets: 9104,
  tax: 9105,
  'mail-ingest': 9106,
};

const port = process.env.OPS_PORT || DEFAULT_OPS_PORTS[process.env.SERVICE];
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
