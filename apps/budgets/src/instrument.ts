import { startTelemetry } from '@irp/observability';

startTelemetry({ serviceName: 'budgets' });
