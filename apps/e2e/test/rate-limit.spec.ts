import { httpClient, startTestPlatform, type TestPlatform } from '@irp/testing';

describe('rate limits on auth routes', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ serviceEnv: { gateway: { AUTH_RATE_LIMIT: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' } } });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('answers 429 with Retry-After once a client exceeds the limit', async () => {
    const api = httpClient(`${platform.gatewayUrl}/api/v1`);
    const attempt = () => api.post<{ code: string }>('/auth/login', { email: 'someone@example.com', password: 'guessing-passwords' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401]);

    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
