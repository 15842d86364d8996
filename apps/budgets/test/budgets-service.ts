import type { INestMicroservice } from '@nestjs/common';
import { RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { startServiceInProcess, type InProcessService } from '@irp/testing';
import { BUDGETS_SERVICE } from '../src/service';
import { FakeExpenses } from './fake-expenses';

export type BudgetsUnderTest = InProcessService<INestMicroservice> & { rpc: RpcClient; expenses: FakeExpenses };

/** The budgets service in this process on its own database and NATS server, with the expenses side beside it. */
export async function startBudgets(env: NodeJS.ProcessEnv = {}): Promise<BudgetsUnderTest> {
  const service = await startServiceInProcess({
    migrate: (url) => migrate(serviceOrmOptions(BUDGETS_SERVICE, { url }), 'up'),
    create: (processEnv) => bootstrapService(BUDGETS_SERVICE, processEnv),
    env: { BUDGETS_RECONCILE_INTERVAL_SECONDS: '0', ...env },
  });
  const expenses = await FakeExpenses.start(service.nc);
  return {
    ...service,
    rpc: new RpcClient(service.nc),
    expenses,
    close: async () => {
      expenses.stop();
      await service.close();
    },
  };
}

/** Polls until `check` passes (the consumer is asynchronous), or fails with its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
