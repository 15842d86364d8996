import { createPublicKey, randomUUID } from 'node:crypto';
import type { Jwks, TokenPair, UserView } from '@irp/contracts';
import { httpClient, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { accessClaims, decodePart, makeJwt, otherRsaKey } from './jwt';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

const PASSWORD = 'correct horse battery staple';

describe('auth through the gateway', () => {
  let platform: TestPlatform;
  let api: HttpClient;

  beforeAll(async () => {
    platform = await startTestPlatform({ serviceEnv: { gateway: { AUTH_RATE_LIMIT: '1000' } } });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const newEmail = () => `user-${randomUUID()}@example.com`;

  async function registerAndLogin(email = newEmail()): Promise<{ user: UserView; tokens: TokenPair }> {
    const registered = await api.post<UserView>('/auth/register', { email, password: PASSWORD });
    expect(registered.status).toBe(201);
    const login = await api.post<TokenPair>('/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { user: registered.body, tokens: login.body };
  }

  it('registers, logs in, answers /me, rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const email = newEmail();
    const { user, tokens } = await registerAndLogin(email);
    expect(user).toEqual({ id: expect.any(String), email, createdAt: expect.any(String) });
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });

    const me = await api.get<UserView>('/auth/me', { token: tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(user);

    const refreshed = await api.post<TokenPair>('/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(tokens.refreshToken);
    expect((await api.get('/auth/me', { token: refreshed.body.accessToken })).status).toBe(200);

    const reused = await api.post<Problem>('/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(reused.status).toBe(401);
    // The reuse revoked the whole family: the newest refresh token is dead too.
    const afterReuse = await api.post<Problem>('/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(afterReuse.status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const { tokens } = await registerAndLogin();
    expect((await api.post('/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await api.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail alike, with 401', async () => {
    const { user } = await registerAndLogin();
    const wrongPassword = await api.post<Problem>('/auth/login', { email: user.email, password: 'not the password at all' });
    const unknownEmail = await api.post<Problem>('/auth/login', { email: newEmail(), password: PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
    expect(wrongPassword.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a second account for the same e-mail, whatever its case', async () => {
    const email = newEmail();
    await registerAndLogin(email);
    const duplicate = await api.post<Problem>('/auth/register', { email: email.toUpperCase(), password: PASSWORD });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CONFLICT');
  });

  it('rejects invalid bodies with 400 and the fields at fault', async () => {
    const invalid = await api.post<Problem>('/auth/register', { email: 'not-an-email', password: 'short', admin: true });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(['admin', 'email', 'password']);

    const notJson = await api.post<Problem>('/auth/login', '{"email":', { headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const notAnObject = await api.post<Problem>('/auth/login', [1, 2]);
    expect(notAnObject.status).toBe(400);
    const wrongType = await api.post<Problem>('/auth/login', 'email=x', { headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    const tooLarge = await api.post<Problem>('/auth/login', { email: 'a@example.com', password: 'x'.repeat(2_000_000) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
  });

  it('publishes its OpenAPI document and interactive docs', async () => {
    const document = await httpClient(platform.gatewayUrl).get<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
      '/api/docs-json',
    );
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/me']));
    expect(document.body.components.schemas).toHaveProperty('RegisterRequest');
    expect(document.body.components.schemas).toHaveProperty('Problem');
    const asyncApi = await api.get<{ asyncapi: string; channels: Record<string, unknown> }>('/asyncapi.json');
    expect(asyncApi.body.asyncapi).toBe('3.0.0');
    expect(Object.keys(asyncApi.body.channels)).toContain('expenseCreated');
    const ui = await fetch(`${platform.gatewayUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  describe('access tokens', () => {
    let userId: string;
    let valid: string;
    let kid: string;

    beforeAll(async () => {
      const { user, tokens } = await registerAndLogin();
      userId = user.id;
      valid = tokens.accessToken;
      kid = String(decodePart(valid, 0).kid);
      const jwks = await api.get<Jwks>('/auth/jwks');
      expect(jwks.body.keys.map((key) => key.kid)).toContain(kid);
    });

    const meWith = (token: string) => api.get<Problem>('/auth/me', { token });

    it('accepts a token it signed', async () => {
      expect((await meWith(valid)).status).toBe(200);
    });

    it('rejects an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = makeJwt({ alg: 'RS256', typ: 'JWT', kid }, accessClaims(userId, { iat: past, exp: past + 60 }), { rsa: platform.signingKey });
      const response = await meWith(expired);
      expect(response.status).toBe(401);
      expect(response.body.detail).toContain('expired');
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    });

    it('rejects a tampered token', async () => {
      const [header, , signature] = valid.split('.');
      const payload = Buffer.from(JSON.stringify({ ...decodePart(valid, 1), sub: randomUUID() })).toString('base64url');
      expect((await meWith(`${header}.${payload}.${signature}`)).status).toBe(401);
    });

    it('rejects a token signed with another key under our key id', async () => {
      expect((await meWith(makeJwt({ alg: 'RS256', typ: 'JWT', kid }, accessClaims(userId), { rsa: otherRsaKey() }))).status).toBe(401);
    });

    it('rejects an unsigned token (alg: none)', async () => {
      expect((await meWith(makeJwt({ alg: 'none', typ: 'JWT', kid }, accessClaims(userId), 'none'))).status).toBe(401);
    });

    it('rejects HS256 signed with the public key (algorithm confusion)', async () => {
      const publicPem = createPublicKey(platform.signingKey).export({ type: 'spki', format: 'pem' });
      expect((await meWith(makeJwt({ alg: 'HS256', typ: 'JWT', kid }, accessClaims(userId), { hmac: publicPem }))).status).toBe(401);
    });

    it('rejects a token for another audience', async () => {
      const token = makeJwt({ alg: 'RS256', typ: 'JWT', kid }, accessClaims(userId, { aud: 'someone-else' }), { rsa: platform.signingKey });
      expect((await meWith(token)).status).toBe(401);
    });

    it('rejects garbage', async () => {
      expect((await meWith('not.a.jwt')).status).toBe(401);
      expect((await api.get('/auth/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    });
  });
});
