import { OpsServer } from '@irp/observability';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestServer } from '@irp/testing';
import { startAuth, type AuthUnderTest } from './auth-service';

describe('readiness', () => {
  let auth: AuthUnderTest;
  let opsUrl: string;

  let postgres: TestServer;

  beforeAll(async () => {
    auth = await startAuth({ ownPostgres: true });
    opsUrl = auth.app.get(OpsServer).url;
    if (!auth.infra.postgres) throw new Error('expected a PostgreSQL server of our own');
    postgres = auth.infra.postgres;
  });

  afterAll(async () => {
    await auth?.close();
  });

  async function readiness(): Promise<{ status: number; body: { error?: Record<string, unknown> } }> {
    const response = await fetch(`${opsUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
  }

  async function eventually(expected: number): Promise<{ status: number; body: { error?: Record<string, unknown> } }> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const result = await readiness();
      if (result.status === expected || Date.now() > deadline) return result;
      await sleep(100);
    }
  }

  it('is live and ready with its dependencies up', async () => {
    expect((await fetch(`${opsUrl}/health/live`)).status).toBe(200);
    expect((await readiness()).status).toBe(200);
  });

  it('turns unready while PostgreSQL is away, and ready when it returns', async () => {
    await postgres.stop();
    const down = await eventually(503);
    expect(down.status).toBe(503);
    expect(Object.keys(down.body.error ?? {})).toEqual(['database']);
    await postgres.start();
    expect((await eventually(200)).status).toBe(200);
  });

  it('turns unready while NATS is away, and ready when it returns', async () => {
    await auth.infra.nats.stop();
    const down = await eventually(503);
    expect(down.status).toBe(503);
    expect(Object.keys(down.body.error ?? {})).toEqual(['nats']);
    await auth.infra.nats.start();
    expect((await eventually(200)).status).toBe(200);
  });

  it('serves Prometheus metrics', async () => {
    const body = await (await fetch(`${opsUrl}/metrics`)).text();
    expect(body).toContain('process_cpu_seconds_total');
    expect(body).toContain('rpc_server_duration_seconds');
  });
});
