import type { UserRepository } from './user.repository';

/** Roles an operator can grant. */
export const ROLES = ['admin'] as const;
export type Role = (typeof ROLES)[number];

export class UnknownAccountError extends Error {
  constructor(email: string) {
    super(`no account is registered with ${email}`);
    this.name = 'UnknownAccountError';
  }
}

/**
 * Grants or revokes a role of an existing account and answers its roles. Tokens carry the change
 * from the account's next login or refresh, so a revoked role lasts at most one access token.
 */
export async function changeRole(users: UserRepository, email: string, role: Role, action: 'grant' | 'revoke'): Promise<string[]> {
  const user = await users.findByEmail(email);
  if (!user) throw new UnknownAccountError(email);
  user.roles = action === 'grant' ? [...new Set([...user.roles, role])] : user.roles.filter((held) => held !== role);
  await users.flush();
  return user.roles;
}
