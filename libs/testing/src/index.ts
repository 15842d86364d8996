export { createTestDatabase, TEST_POSTGRES_ENV, type TestDatabase } from './database';
export { dockerEngineAvailable } from './docker';
export { startTestInfrastructure, type TestInfrastructure, type TestInfrastructureOptions } from './env';
export { startServiceInProcess, type InProcessOptions, type InProcessService } from './in-process';
export { generateSigningKey } from '@irp/embedded-infra';
export { httpClient, type HttpClient, type HttpResult } from './http';
export { startTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './platform';
export { startNatsServer, startPostgresServer, type TestServer } from './servers';
export { TraceCollector, type CollectedSpan } from './trace-collector';
