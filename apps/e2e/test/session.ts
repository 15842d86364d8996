import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@irp/contracts';
import type { HttpClient } from '@irp/testing';

export interface Session {
  email: string;
  token: string;
}

const PASSWORD = 'correct horse battery staple';

/** Registers a new user and logs in. */
export async function newSession(api: HttpClient, email = `user-${randomUUID()}@example.com`): Promise<Session> {
  const registered = await api.post('/auth/register', { email, password: PASSWORD });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return logIn(api, email);
}

/** A new session of a user registered with newSession (its token carries the roles held now). */
export async function logIn(api: HttpClient, email: string): Promise<Session> {
  const login = await api.post<TokenPair>('/auth/login', { email, password: PASSWORD });
  return { email, token: login.body.accessToken };
}
