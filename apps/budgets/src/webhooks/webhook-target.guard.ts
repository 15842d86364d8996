import { Inject, Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import { WebhooksErrors } from './webhooks.errors';

/** Where a delivery connects: the URL, and the address it was checked against (pinned). */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseNetworks(entries: string[]): Range[] {
  return entries.map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    } catch {
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not an IP address or CIDR range`);
    }
  });
}

/**
 * Keeps webhooks out of the platform's own network (SSRF): only http(s) URLs without credentials,
 * whose host resolves to public unicast addresses only — loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, reserved and the like are refused unless an operator allows the
 * range (WEBHOOK_ALLOWED_NETWORKS). The address checked is the one connected to, so a DNS answer
 * that changes between the check and the connection (rebinding) cannot redirect a delivery.
 */
@Injectable()
export class WebhookTargetGuard {
  private readonly allowed: Range[];

  constructor(@Inject(BUDGETS_CONFIG) config: BudgetsConfig) {
    this.allowed = parseNetworks(config.webhooks.allowedNetworks);
  }

  /** The URL if its form is acceptable (scheme, no credentials); VALIDATION otherwise. */
  parse(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw WebhooksErrors.invalidUrl('url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw WebhooksErrors.invalidUrl('url must use http or https');
    if (url.username || url.password) throw WebhooksErrors.invalidUrl('url must not carry credentials');
    if (!url.hostname) throw WebhooksErrors.invalidUrl('url must name a host');
    return url;
  }

  /** Resolves the URL's host; VALIDATION when it does not resolve or any address is refused. */
  async resolve(raw: string): Promise<WebhookTarget> {
    const url = this.parse(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: { address: string; family: number }[];
    if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
    else {
      try {
        addresses = await lookup(host, { all: true, verbatim: true });
      } catch {
        throw WebhooksErrors.invalidUrl(`url host ${host} does not resolve`);
      }
    }
    const refused = addresses.find(({ address }) => !this.isAllowed(address));
    if (refused || addresses.length === 0) throw WebhooksErrors.internalTarget(host);
    return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
  }

  isAllowed(raw: string): boolean {
    let address = ipaddr.parse(raw);
    if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) address = address.toIPv4Address();
    if (address.range() === 'unicast') return true;
    return this.allowed.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
  }
}
