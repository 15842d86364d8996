import type { INestMicroservice } from '@nestjs/common';
import { generateSigningKey, startServiceInProcess, type InProcessService, type TestInfrastructureOptions } from '@irp/testing';
import { createAuthService } from '../src/bootstrap';
import { authOrmConfig } from '../src/orm.config';

export type AuthUnderTest = InProcessService<INestMicroservice>;

/** The auth service in this process on its own database and NATS server; cheap argon2 settings. */
export function startAuth(options: TestInfrastructureOptions = {}): Promise<AuthUnderTest> {
  return startServiceInProcess({
    ...options,
    ormConfig: (url) => authOrmConfig({ url }),
    create: createAuthService,
    env: { AUTH_JWT_PRIVATE_KEY: generateSigningKey(), AUTH_ARGON2_MEMORY_KIB: '8192', AUTH_ARGON2_TIME_COST: '1' },
  });
}
