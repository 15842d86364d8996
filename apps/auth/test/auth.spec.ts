import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, SUBJECTS, type EventEnvelope, type UserRegistered } from '@irp/contracts';
import { loadAuthConfig } from '../src/config/env';
import { RefreshToken } from '../src/tokens/refresh-token.entity';
import { changeRole, UnknownAccountError } from '../src/users/user-roles';
import { UserRepository } from '../src/users/user.repository';
import { startAuth, type AuthUnderTest } from './auth-service';

const PASSWORD = 'correct horse battery staple';
const newEmail = () => `user-${randomUUID()}@example.com`;

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('auth service over NATS', () => {
  let auth: AuthUnderTest;

  beforeAll(async () => {
    auth = await startAuth();
  });

  afterAll(async () => {
    await auth?.close();
  });

  it('registers a user and publishes exactly one user.registered event', async () => {
    const email = newEmail();
    const user = await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    expect(user).toEqual({ id: expect.any(String), email, createdAt: expect.any(String) });

    const jsm = await jetstreamManager(auth.nc);
    const { name } = await jsm.consumers.add('AUTH', { ack_policy: 'none' as never, filter_subject: SUBJECTS.userRegistered });
    await sleep(300); // the relay polls every 50 ms; give it several rounds to publish anything twice
    const messages = await (await jetstream(auth.nc).consumers.get('AUTH', name)).fetch({ max_messages: 100, expires: 1000 });
    const events: EventEnvelope<UserRegistered>[] = [];
    for await (const message of messages) events.push(message.json());
    const mine = events.filter((event) => event.data.userId === user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: SUBJECTS.userRegistered, version: 1, subject: { userId: user.id }, data: { email } });
  });

  it('refuses a second registration of the same address in any case', async () => {
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const error = await failure(auth.rpc.request(SUBJECTS.registerUser, { email: email.toUpperCase(), password: PASSWORD }));
    expect(error.code).toBe('CONFLICT');
  });

  it('validates what arrives over NATS, naming the fields', async () => {
    const error = await failure(auth.rpc.request(SUBJECTS.registerUser, { email: 'nope', password: 'x', role: 'admin' } as never));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.map((f) => f.field).sort()).toEqual(['email', 'password', 'role']);
  });

  it('does not tell an unknown e-mail from a wrong password', async () => {
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const wrong = await failure(auth.rpc.request(SUBJECTS.issueTokens, { email, password: 'wrong password' }));
    const unknown = await failure(auth.rpc.request(SUBJECTS.issueTokens, { email: newEmail(), password: PASSWORD }));
    expect([wrong.code, unknown.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(wrong.message).toBe(unknown.message);
  });

  it('lets only one of two concurrent refreshes with the same token through, and then ends the session', async () => {
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const { refreshToken } = await auth.rpc.request(SUBJECTS.issueTokens, { email, password: PASSWORD });
    const results = await Promise.allSettled([
      auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken }),
      auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    const next = (fulfilled[0] as PromiseFulfilledResult<{ refreshToken: string }>).value.refreshToken;
    expect((await failure(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: next }))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired refresh token', async () => {
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const { refreshToken } = await auth.rpc.request(SUBJECTS.issueTokens, { email, password: PASSWORD });
    const orm = auth.app.get(MikroORM);
    await orm.em.fork().nativeUpdate(RefreshToken, { user: { emailNormalized: email } }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await failure(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken }))).code).toBe('UNAUTHENTICATED');
  });

  it('stores passwords as argon2id hashes only', async () => {
    const email = newEmail();
    const user = await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const [row] = await auth.app.get(MikroORM).em.getConnection().execute<{ password_hash: string }[]>('select password_hash from auth."user" where id = ?', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('puts in tokens the roles an operator granted the account, from its next login or refresh', async () => {
    const roles = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { roles: string[] }).roles;
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    const first = await auth.rpc.request(SUBJECTS.issueTokens, { email, password: PASSWORD });
    expect(roles(first.accessToken)).toEqual([]);
    const em = () => new UserRepository(auth.app.get(MikroORM).em.fork());

    expect(await changeRole(em(), email.toUpperCase(), 'admin', 'grant')).toEqual(['admin']);
    expect(await changeRole(em(), email, 'admin', 'grant')).toEqual(['admin']);
    const granted = await auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: first.refreshToken });
    expect(roles(granted.accessToken)).toEqual(['admin']);

    expect(await changeRole(em(), email, 'admin', 'revoke')).toEqual([]);
    expect(roles((await auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: granted.refreshToken })).accessToken)).toEqual([]);
    await expect(changeRole(em(), newEmail(), 'admin', 'grant')).rejects.toBeInstanceOf(UnknownAccountError);
  });

  it('refuses to start with the retired AUTH_ADMIN_EMAILS set, naming the way to grant the role', () => {
    const env = { DATABASE_URL: 'postgres://localhost/x', NATS_URL: 'nats://localhost:4222', AUTH_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----' };
    expect(() => loadAuthConfig({ ...env, AUTH_ADMIN_EMAILS: '' })).not.toThrow();
    expect(() => loadAuthConfig({ ...env, AUTH_ADMIN_EMAILS: 'ops@example.com' })).toThrow(/roles\.js grant/);
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    expect((await failure(auth.rpc.request(SUBJECTS.getUser, { userId: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('JWKS', () => {
  let auth: AuthUnderTest;

  beforeAll(async () => {
    auth = await startAuth();
  });

  afterAll(async () => {
    await auth?.close();
  });

  it('publishes the RSA public key tokens are signed with, under its thumbprint', async () => {
    const { keys } = await auth.rpc.request(SUBJECTS.getJwks, {});
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.stringMatching(/^[\w-]{43}$/) });
    expect(keys[0]).not.toHaveProperty('d'); // no private part
  });
});

describe('refresh token reuse within the grace (AUTH_REFRESH_REUSE_GRACE_SECONDS)', () => {
  let auth: AuthUnderTest;

  beforeAll(async () => {
    auth = await startAuth({ env: { AUTH_REFRESH_REUSE_GRACE_SECONDS: '1' } });
  });

  afterAll(async () => {
    await auth?.close();
  });

  const session = async () => {
    const email = newEmail();
    await auth.rpc.request(SUBJECTS.registerUser, { email, password: PASSWORD });
    return auth.rpc.request(SUBJECTS.issueTokens, { email, password: PASSWORD });
  };

  it('gives two tabs refreshing at once a token each, and keeps the session', async () => {
    const { refreshToken } = await session();
    const [a, b] = await Promise.all([auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken }), auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken })]);
    expect(a.refreshToken).not.toBe(b.refreshToken);
    await expect(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: a.refreshToken })).resolves.toMatchObject({ tokenType: 'Bearer' });
    await expect(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: b.refreshToken })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('still ends the session when a used token comes back after the grace', async () => {
    const { refreshToken } = await session();
    const next = await auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken });
    await sleep(1_100);
    expect((await failure(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken }))).code).toBe('UNAUTHENTICATED');
    expect((await failure(auth.rpc.request(SUBJECTS.refreshTokens, { refreshToken: next.refreshToken }))).code).toBe('UNAUTHENTICATED');
  });
});
