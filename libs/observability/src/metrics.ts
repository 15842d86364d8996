import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

/** The process's one metrics registry, served at /metrics on the ops port. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Latency buckets (seconds) fit for in-cluster RPC and HTTP: 1 ms to 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Several services may share one process (tests, the launcher): metrics are created once per name.
function once<M>(name: string, create: () => M): M {
  return (metricsRegistry.getSingleMetric(name) as M | undefined) ?? create();
}

export function histogram<T extends string>(config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
  return once(config.name, () => new Histogram({ buckets: LATENCY_BUCKETS, ...config, registers: [metricsRegistry] }));
}

export function counter<T extends string>(config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
  return once(config.name, () => new Counter({ ...config, registers: [metricsRegistry] }));
}

export function gauge<T extends string>(config: Omit<GaugeConfiguration<T>, 'registers'>): Gauge<T> {
  return once(config.name, () => new Gauge({ ...config, registers: [metricsRegistry] }));
}
