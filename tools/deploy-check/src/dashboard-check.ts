import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The Grafana dashboard may only chart metrics that exist: those the code registers (prom-client
// histograms, counters and gauges under libs/ and apps/), those the exporters of the compose stack
// publish, and the outbox query's.

interface Panel {
  title: string;
  panels?: Panel[];
  targets?: { expr: string }[];
}

/** Metric families of the exporters the dashboard relies on (prometheus-nats-exporter -jsz=all, postgres-exporter's irp_outbox query). */
const EXPORTED_ELSEWHERE = [/^jetstream_(stream|consumer)_\w+$/, /^irp_outbox_(pending|lag_seconds)$/];

const PROMQL_WORDS = new Set(['on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Names of the metrics the code registers, with the series a histogram adds. */
export function codeMetrics(root: string): Set<string> {
  const names = new Set<string>();
  for (const file of ['libs', 'apps'].flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const [, kind, name] of text.matchAll(/\b(histogram|counter|gauge)\(\{\s*name: '([a-z_:]+)'/g)) {
      names.add(name);
      if (kind === 'histogram') ['_bucket', '_count', '_sum'].forEach((suffix) => names.add(`${name}${suffix}`));
    }
  }
  return names;
}

/** The metric names a PromQL expression reads (identifiers that are neither functions, labels nor keywords). */
export function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range selectors
    .replace(/\b(by|without)\s*\([^)]*\)/g, ''); // grouping labels
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((m) => m[1])
    .filter((word) => !PROMQL_WORDS.has(word));
}

/** Panels charting a metric nobody exports. */
export function dashboardErrors(dashboardFile: string, root: string): string[] {
  const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as { panels: Panel[] };
  const known = codeMetrics(root);
  const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
  return panels.flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) =>
      metricsOf(target.expr)
        .filter((metric) => !known.has(metric) && !EXPORTED_ELSEWHERE.some((pattern) => pattern.test(metric)))
        .map((metric) => `${path.basename(dashboardFile)}: panel "${panel.title}" charts ${metric}, which neither the code nor the exporters publish`),
    ),
  );
}
