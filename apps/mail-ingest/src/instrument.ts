import { startTelemetry } from '@irp/observability';

startTelemetry({ serviceName: 'mail-ingest' });
