export { createTestDatabase, TEST_POSTGRES_ENV, type TestDatabase } from './database';
export { dockerEngineAvailable } from './docker';
export { startTestInfrastructure, type TestInfrastructure } from './env';
export { httpClient, type HttpClient, type HttpResult } from './http';
export { startTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './platform';
export { startNatsServer, startPostgresServer, type TestServer } from './servers';
