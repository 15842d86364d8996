export { createTestDatabase, TEST_POSTGRES_ENV, type TestDatabase } from './database';
export { dockerEngineAvailable } from './docker';
export { startTestInfrastructure, type TestInfrastructure } from './env';
export { startNatsServer, startPostgresServer, type TestServer } from './servers';
