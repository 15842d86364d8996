export { startTelemetry, stopTelemetry, type TelemetryOptions } from './telemetry';
export { configureLogging, getLogger, NestPinoLogger, type Logger, type LoggingOptions } from './logger';
export { counter, gauge, histogram, LATENCY_BUCKETS, metricsRegistry } from './metrics';
export { OpsModule, OpsServer, type OpsOptions, type ReadinessCheck } from './ops.module';
