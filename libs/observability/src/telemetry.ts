import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

export interface TelemetryOptions {
  serviceName: string;
  /** Replaces the exporter chosen by the OTEL_* variables (tests pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

let sdk: NodeSDK | undefined;

/** Paths of the ops port; probes and scrapes are not worth a trace. */
const UNTRACED_PATHS = ['/health/', '/metrics'];

/**
 * Starts OpenTelemetry. Must run before anything else is loaded (`import './instrument'` first in
 * main.ts) so that http and pg are patched when they are first required. Configured by the
 * standard variables: OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_SAMPLER(_ARG), OTEL_SDK_DISABLED, ...
 */
/** Query parameters that carry a credential. */
const SECRET_QUERY = /[?&](token|access_token|refresh_token)=/i;

/** The URL with the values of credential parameters replaced. */
export function redactQuery(url: string): string {
  return url.replace(/([?&](?:token|access_token|refresh_token)=)[^&#]*/gi, '$1REDACTED');
}

export function startTelemetry(options: TelemetryOptions): void {
  if (sdk || process.env.OTEL_SDK_DISABLED === 'true') return;
  const env = process.env;
  const endpointSet = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  // Without a collector, keep trace ids in the logs but export nothing (no connection-refused noise).
  env.OTEL_TRACES_EXPORTER ??= endpointSet ? 'otlp' : 'none';
  env.OTEL_METRICS_EXPORTER ??= 'none'; // metrics are scraped from /metrics
  env.OTEL_LOGS_EXPORTER ??= 'none'; // logs are JSON lines on stdout
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    spanProcessors: options.spanProcessors,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.some((path) => request.url?.startsWith(path)),
        // A credential in a query string (the SSE stream token) must not reach the trace store.
        requestHook: (span, request) => {
          const url = 'url' in request ? request.url : undefined;
          if (!url || !SECRET_QUERY.test(url)) return;
          const target = redactQuery(url);
          span.setAttribute('http.target', target);
          span.setAttribute('url.query', target.split('?')[1] ?? '');
          const host = 'headers' in request ? request.headers.host : undefined;
          if (host) span.setAttribute('http.url', `http://${host}${target}`);
        },
      }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
