import type { TestServer } from '../servers';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __irpPostgres?: TestServer }).__irpPostgres;
  await server?.dispose();
}
