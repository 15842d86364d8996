import { startPlatform } from '../src';

describe('startPlatform', () => {
  it('refuses to start when a secret the registry lists for a service is missing, naming it', async () => {
    const options = { root: '/nonexistent', databaseUrl: 'postgres://irp@127.0.0.1:1/irp', natsUrl: 'nats://127.0.0.1:1', ports: 'random' as const };

    await expect(startPlatform({ ...options, secrets: {} })).rejects.toThrow('auth needs the secret AUTH_JWT_PRIVATE_KEY: pass it in PlatformOptions.secrets');
  });
});
