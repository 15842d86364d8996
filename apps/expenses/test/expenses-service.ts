import type { INestMicroservice } from '@nestjs/common';
import { RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { startServiceInProcess, type InProcessService, type TestInfrastructureOptions } from '@irp/testing';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { EXPENSES_SERVICE } from '../src/service';

export type ExpensesUnderTest = InProcessService<INestMicroservice> & { rpc: RpcClient };

/** The expenses service in this process on its own database and NATS server; no rates feed unless asked. */
export async function startExpenses(options: TestInfrastructureOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<ExpensesUnderTest> {
  const service = await startServiceInProcess({
    ...options,
    migrate: (url) => migrate(serviceOrmOptions(EXPENSES_SERVICE, { url }), 'up'),
    create: (env) => bootstrapService(EXPENSES_SERVICE, env),
    env: { FX_FEED_ENABLED: 'false', ...options.env },
  });
  return { ...service, rpc: new RpcClient(service.nc) };
}
