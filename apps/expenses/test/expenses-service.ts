import type { INestMicroservice } from '@nestjs/common';
import { RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { startServiceInProcess, type InProcessService, type TestInfrastructureOptions } from '@irp/testing';
import { createExpensesService } from '../src/bootstrap';
import { expensesOrmConfig } from '../src/orm.config';

export type ExpensesUnderTest = InProcessService<INestMicroservice> & { rpc: RpcClient };

/** The expenses service in this process on its own database and NATS server; no rates feed unless asked. */
export async function startExpenses(options: TestInfrastructureOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<ExpensesUnderTest> {
  const service = await startServiceInProcess({
    ...options,
    migrate: (url) => migrate(expensesOrmConfig({ url }), 'up'),
    create: createExpensesService,
    env: { FX_FEED_ENABLED: 'false', ...options.env },
  });
  return { ...service, rpc: new RpcClient(service.nc) };
}
