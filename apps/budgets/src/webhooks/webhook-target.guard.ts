import { Inject, Injectable } from '@nestjs/common';
import { isOutsideAddress, parseNetworks, resolveHost, type NetworkRange } from '@irp/platform';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import { WebhooksErrors } from './webhooks.errors';

/** Where a delivery connects: the URL, and the address it was checked against (pinned). */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
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
  private readonly allowed: NetworkRange[];

  constructor(@Inject(BUDGETS_CONFIG) config: BudgetsConfig) {
    this.allowed = parseNetworks(config.webhooks.allowedNetworks, 'WEBHOOK_ALLOWED_NETWORKS');
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
    let addresses: { address: string; family: 4 | 6 }[];
    try {
      addresses = await resolveHost(host);
    } catch {
      throw WebhooksErrors.invalidUrl(`url host ${host} does not resolve`);
    }
    if (addresses.some(({ address }) => !isOutsideAddress(address, this.allowed))) throw WebhooksErrors.internalTarget(host);
    return { url, ...addresses[0] };
  }
}
