import { isOutsideAddress, resolveHost } from '@irp/platform';

export class ForbiddenHostError extends Error {}

/**
 * The address to connect to for a user's host, resolved once here so the check and the
 * connection see the same address (no DNS rebinding in between). Loopback, private, link-local
 * and mapped addresses are refused unless allowed (tests, a mail server inside the cluster).
 */
export async function resolveImapHost(host: string, allowPrivate: boolean): Promise<string> {
  const addresses = await resolveHost(host);
  if (!allowPrivate && !addresses.every(({ address }) => isOutsideAddress(address))) {
    throw new ForbiddenHostError(`${host} is a private or local address`);
  }
  return addresses[0].address;
}
