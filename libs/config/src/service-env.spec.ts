import { loadEnv } from './load-env';
import { ServiceEnv, serviceConfig } from './service-env';

describe(serviceConfig.name, () => {
  const base = { OPS_PORT: '9000', NATS_URL: 'nats://127.0.0.1:4222' };

  it('connects to NATS as the configured user, or anonymously without one', () => {
    expect(serviceConfig(loadEnv(ServiceEnv, { ...base, NATS_USER: 'auth', NATS_PASSWORD: 'secret' })).natsCredentials).toEqual({ user: 'auth', password: 'secret' });
    expect(serviceConfig(loadEnv(ServiceEnv, base)).natsCredentials).toBeUndefined();
  });

  it('refuses a NATS user without its password, naming the variable', () => {
    expect(() => loadEnv(ServiceEnv, { ...base, NATS_USER: 'auth' })).toThrow(/NATS_PASSWORD must be set with NATS_USER/);
  });
});

describe('NATS_STREAM_REPLICAS', () => {
  const base = { OPS_PORT: '9000' };

  it('keeps one copy of each stream by default, and as many as set (3 on a 3-node cluster)', () => {
    expect(serviceConfig(loadEnv(ServiceEnv, base)).natsStreamReplicas).toBe(1);
    expect(serviceConfig(loadEnv(ServiceEnv, { ...base, NATS_STREAM_REPLICAS: '3' })).natsStreamReplicas).toBe(3);
  });

  it('refuses a count NATS cannot have, naming the variable', () => {
    expect(() => loadEnv(ServiceEnv, { ...base, NATS_STREAM_REPLICAS: '0' })).toThrow(/NATS_STREAM_REPLICAS/);
    expect(() => loadEnv(ServiceEnv, { ...base, NATS_STREAM_REPLICAS: 'three' })).toThrow(/NATS_STREAM_REPLICAS/);
  });
});
