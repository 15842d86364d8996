import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Where a user's mailbox may not point: this service's own network (SSRF). */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export class ForbiddenHostError extends Error {}

/** A resolver that does not answer must not hold a request (or a sync) for long. */
const LOOKUP_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The address to connect to for a user's host, resolved once here so the check and the
 * connection see the same address (no DNS rebinding in between). Loopback, private, link-local
 * and mapped addresses are refused unless allowed (tests, a mail server inside the cluster).
 */
export async function resolveImapHost(host: string, allowPrivate: boolean): Promise<string> {
  const { address, family } = isIP(host) ? { address: host, family: isIP(host) } : await withTimeout(lookup(host), LOOKUP_TIMEOUT_MS, `${host} could not be resolved in time`);
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const checked = mapped ? { address: mapped, type: 'ipv4' as const } : { address, type: family === 6 ? ('ipv6' as const) : ('ipv4' as const) };
  if (!allowPrivate && PRIVATE.check(checked.address, checked.type)) {
    throw new ForbiddenHostError(`${host} is a private or local address`);
  }
  return address;
}
