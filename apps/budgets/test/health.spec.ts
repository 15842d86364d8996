import type { INestMicroservice } from '@nestjs/common';
import { OpsServer } from '@irp/observability';
import { migrate } from '@irp/persistence';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { startServiceInProcess, type InProcessService } from '@irp/testing';
import { BUDGETS_MIGRATIONS } from '../src/migrations';
import { BUDGETS_SERVICE } from '../src/service';

describe('budgets', () => {
  let service: InProcessService<INestMicroservice>;

  beforeAll(async () => {
    service = await startServiceInProcess({
      migrate: (url) => migrate(serviceOrmOptions(BUDGETS_SERVICE, { url }), 'up'),
      create: (env) => bootstrapService(BUDGETS_SERVICE, env),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is live and ready on its real PostgreSQL and NATS', async () => {
    const opsUrl = service.app.get(OpsServer).url;
    expect((await fetch(`${opsUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${opsUrl}/health/ready`)).status).toBe(200);
  });

  it('has migrations that cover its entities', async () => {
    const config = serviceOrmOptions(BUDGETS_SERVICE, { url: service.infra.database.url });
    expect(await migrate(config, 'pending')).toEqual([]);
    expect(await migrate(config, 'check')).toEqual([]);
    expect(BUDGETS_MIGRATIONS).toHaveLength(3);
  });
});
