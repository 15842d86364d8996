import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';

/** An address range an operator lets users' URLs and hosts reach although it is internal. */
export type NetworkRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A resolver that does not answer must not hold a request (or a sync) for long. */
const LOOKUP_TIMEOUT_MS = 5_000;

/** Addresses and CIDR ranges from a setting (`setting` names it in the error). */
export function parseNetworks(entries: readonly string[], setting: string): NetworkRange[] {
  return entries.map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    } catch {
      throw new Error(`${setting}: "${entry}" is not an IP address or CIDR range`);
    }
  });
}

/**
 * Whether a connection a user asked for (a webhook, a mailbox) stays out of the platform's own
 * network (SSRF): the address is public unicast — not loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, reserved and the like; an IPv4-mapped IPv6 address is judged as the
 * IPv4 address it carries — or lies in a range the operator allowed.
 */
export function isOutsideAddress(raw: string, allowed: readonly NetworkRange[] = []): boolean {
  let address = ipaddr.parse(raw);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) address = address.toIPv4Address();
  if (address.range() === 'unicast') return true;
  return allowed.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * Every address of a host (an IP literal is its own), resolved once so that the addresses checked
 * are the ones connected to (no DNS rebinding in between). Rejects when the host does not resolve
 * within 5 s.
 */
export async function resolveHost(host: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) return [{ address: bare, family: bare.includes(':') ? 6 : 4 }];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${bare} could not be resolved in time`)), LOOKUP_TIMEOUT_MS);
  });
  const addresses = await Promise.race([lookup(bare, { all: true, verbatim: true }), timeout]).finally(() => clearTimeout(timer));
  if (addresses.length === 0) throw new Error(`${bare} has no address`);
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}
