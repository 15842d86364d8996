import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES } from '@irp/service-registry';
import { ROOT } from '../src';
import { composeProblems, parseCompose } from '../src/compose-check';
import { codeMetrics, dashboardErrors, metricsOf } from '../src/dashboard-check';

// No Docker engine here: docker-compose.yml is checked as `docker compose config` would read it
// (the Compose Specification schema), plus the platform's rules.
describe('docker-compose.yml', () => {
  const text = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');

  it('is a valid Compose file with the whole stack, locked down and wired as the registry says', () => {
    expect(composeProblems(text, SERVICES, ROOT)).toEqual([]);
  });

  it('fails a file that breaks the schema or the rules', () => {
    const compose = parseCompose(text) as unknown as { services: Record<string, Record<string, unknown>> };
    compose.services.auth.read_onyl = true;
    delete compose.services.grafana;
    compose.services.prometheus.image = 'prom/prometheus';
    compose.services.tax.read_only = false;
    const budgetsEnv = compose.services.budgets.environment as Record<string, string>;
    delete budgetsEnv.NATS_PASSWORD;
    const authEnv = compose.services.auth.environment as Record<string, string>;
    authEnv.AUTH_JWT_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----';
    delete (compose.services.nats.environment as Record<string, string>).MAIL_INGEST_NATS_PASSWORD;
    (compose.services.ocr.depends_on as Record<string, unknown>)['ocr-migrate'] = { condition: 'service_started' };
    delete compose.services['nats-exporter'];
    expect(composeProblems(JSON.stringify(compose), SERVICES, ROOT)).toEqual(
      expect.arrayContaining([
        'docker-compose.yml: /services/auth must NOT have additional properties (read_onyl)',
        'docker-compose.yml: no grafana service',
        'docker-compose.yml: prometheus image prom/prometheus is not pinned to a version',
        'docker-compose.yml: tax has a writable root filesystem',
        'docker-compose.yml: budgets: NATS_PASSWORD is not set (the registry lists it as required)',
        'docker-compose.yml: auth: AUTH_JWT_PRIVATE_KEY is a secret but is written in the file, not read from .env',
        "docker-compose.yml: nats lacks MAIL_INGEST_NATS_PASSWORD (authorization.conf reads mail-ingest's password from it)",
        'docker-compose.yml: ocr: does not wait for ocr-migrate to complete',
        'docker-compose.yml: no nats-exporter service',
        'prometheus.yml: job nats scrapes nats-exporter:7777, which is no compose service',
      ]),
    );
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = path.join(ROOT, 'deploy/grafana/dashboards/irp-platform.json');

  it('charts only metrics the code or the exporters publish', () => {
    expect(dashboardErrors(dashboard, ROOT)).toEqual([]);
  });

  it('fails a panel charting a metric nobody publishes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
    const file = path.join(dir, 'd.json');
    writeFileSync(file, JSON.stringify({ panels: [{ title: 'Queue', targets: [{ expr: 'sum(ocr_queue_depth{stream="OCR_JOBS"}) + sum(jetstream_consumer_num_pending)' }] }] }));
    try {
      expect(dashboardErrors(file, ROOT)).toEqual(['d.json: panel "Queue" charts ocr_queue_depth, which neither the code nor the exporters publish']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('covers HTTP per route, RPC per subject, the OCR_JOBS queue and redeliveries, outbox lag and dead letters', () => {
    const exprs = readFileSync(dashboard, 'utf8');
    for (const needle of ['http_server_request_duration_seconds_bucket', 'by (le, subject)', 'jetstream_consumer_num_pending{stream_name=\\"OCR_JOBS\\"}', 'jetstream_consumer_num_redelivered', 'irp_outbox_lag_seconds', 'jetstream_stream_total_messages{stream_name=\\"DLQ\\"}', 'outcome=\\"dead_lettered\\"']) {
      expect(exprs).toContain(needle);
    }
  });

  it('reads metric names out of PromQL, and knows the code registers them', () => {
    expect(metricsOf('histogram_quantile(0.95, sum by (le, route) (rate(http_server_request_duration_seconds_bucket{status=~"5.."}[$__rate_interval])))')).toEqual(['http_server_request_duration_seconds_bucket']);
    expect([...codeMetrics(ROOT)]).toEqual(expect.arrayContaining(['rpc_server_duration_seconds_bucket', 'events_handled_total', 'outbox_published_total']));
    expect([...codeMetrics(ROOT)]).not.toContain('http_requests_total');
  });
});
