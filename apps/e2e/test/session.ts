import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@irp/contracts';
import type { HttpClient } from '@irp/testing';

export interface Session {
  email: string;
  token: string;
}

/** Registers a new user and logs in. */
export async function newSession(api: HttpClient, email = `user-${randomUUID()}@example.com`): Promise<Session> {
  const password = 'correct horse battery staple';
  const registered = await api.post('/auth/register', { email, password });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await api.post<TokenPair>('/auth/login', { email, password });
  return { email, token: login.body.accessToken };
}
