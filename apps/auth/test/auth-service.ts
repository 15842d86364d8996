import type { INestMicroservice } from '@nestjs/common';
import { RpcClient } from '@irp/messaging';
import { migrate } from '@irp/persistence';
import { generateSigningKey, startServiceInProcess, type InProcessService, type TestInfrastructureOptions } from '@irp/testing';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { AUTH_SERVICE } from '../src/service';

export type AuthUnderTest = InProcessService<INestMicroservice> & { rpc: RpcClient };

/** The auth service in this process on its own database and NATS server; cheap argon2 settings. */
export async function startAuth(options: TestInfrastructureOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<AuthUnderTest> {
  const service = await startServiceInProcess({
    ...options,
    migrate: (url) => migrate(serviceOrmOptions(AUTH_SERVICE, { url }), 'up'),
    create: (env) => bootstrapService(AUTH_SERVICE, env),
    env: { AUTH_JWT_PRIVATE_KEY: generateSigningKey(), AUTH_ARGON2_MEMORY_KIB: '8192', AUTH_ARGON2_TIME_COST: '1', ...options.env },
  });
  return { ...service, rpc: new RpcClient(service.nc) };
}
