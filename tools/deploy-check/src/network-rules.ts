import type { RegisteredService } from '@irp/service-registry';
import { describe, podTemplateOf, type K8sObject, type NetworkPolicyPeer, type NetworkPolicyRule } from './k8s-types';
import { selects } from './service-rules';

// The namespace's network isolation: everything denied by default; traffic from outside only to
// the gateway's API and mail-ingest's SMTP (and Prometheus scraping ops ports); services reach
// only DNS, NATS, PostgreSQL and the OpenTelemetry collector.

/** Ports a service may open to the world, per service: the registry's ingress services' API, and inbound mail. */
const externalPorts = (services: readonly RegisteredService[]): Record<string, string[]> => ({
  ...Object.fromEntries(services.filter((s) => s.ingress).map((s) => [s.name, ['http']])),
  'mail-ingest': ['smtp'],
});

/** DNS, NATS, PostgreSQL, OTLP gRPC and HTTP. */
const SERVICE_EGRESS_PORTS = [53, 4222, 5432, 4317, 4318];
/** Documented exceptions: expenses fetches the ECB reference rates over HTTPS (deploy/README.md). */
const EGRESS_EXCEPTIONS: Record<string, number[]> = { expenses: [443] };

const isPrometheus = (peer: NetworkPolicyPeer) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'prometheus' && !peer.ipBlock;
const isSameNamespacePod = (peer: NetworkPolicyPeer) => peer.podSelector !== undefined && !peer.namespaceSelector && !peer.ipBlock;
const SCRAPE_PORTS = ['ops', 8222];

/** A rule that lets in traffic from outside the namespace, other than Prometheus scraping. */
function admitsOutside(rule: NetworkPolicyRule): boolean {
  const peers = rule.from ?? [];
  if (!peers.length) return true;
  return peers.some((peer) => !isSameNamespacePod(peer) && !(isPrometheus(peer) && (rule.ports ?? []).every((p) => SCRAPE_PORTS.includes(p.port ?? ''))));
}

function ingressErrors(services: readonly RegisteredService[], policies: readonly K8sObject[], objects: readonly K8sObject[]): string[] {
  const allowed = externalPorts(services);
  return policies.flatMap((policy) =>
    (policy.spec.ingress ?? []).filter(admitsOutside).flatMap((rule: NetworkPolicyRule) => {
      const selected = objects.filter((o) => o.kind === 'Deployment' && selects(policy.spec.podSelector, podTemplateOf(o)?.metadata?.labels)).map((o) => o.metadata.name);
      const ports = (rule.ports ?? []).map((p) => p.port);
      const fine = selected.length > 0 && ports.length > 0 && selected.every((name) => ports.every((port) => allowed[name]?.includes(String(port))));
      return fine ? [] : [`${describe(policy)}: lets traffic from outside the namespace reach ${selected.join(', ') || 'its pods'} on ${ports.join(', ') || 'every port'}; only ${Object.entries(allowed).map(([s, p]) => `${s} (${p.join(', ')})`).join(' and ')} take outside traffic`];
    }),
  );
}

function egressErrors(policies: readonly K8sObject[], objects: readonly K8sObject[]): string[] {
  const servicePods = objects.filter((o) => ['server', 'migration'].includes(podTemplateOf(o)?.metadata?.labels?.['app.kubernetes.io/component'] ?? ''));
  return policies.flatMap((policy) => {
    const selected = servicePods.filter((o) => selects(policy.spec.podSelector, podTemplateOf(o)?.metadata?.labels));
    if (!selected.length) return [];
    const names = new Set(selected.map((o) => podTemplateOf(o)?.metadata?.labels?.['app.kubernetes.io/name']));
    const exceptions = names.size === 1 ? (EGRESS_EXCEPTIONS[[...names][0] ?? ''] ?? []) : [];
    return (policy.spec.egress ?? []).flatMap((rule: NetworkPolicyRule) => {
      if (!rule.ports?.length) return [`${describe(policy)}: an egress rule allows every port`];
      return rule.ports.filter((p) => ![...SERVICE_EGRESS_PORTS, ...exceptions].includes(Number(p.port))).map((p) => `${describe(policy)}: lets services reach port ${p.port}; they reach only DNS, NATS, PostgreSQL and the collector`);
    });
  });
}

/** Problems of the overlay's NetworkPolicies. */
export function networkErrors(services: readonly RegisteredService[], objects: readonly K8sObject[]): string[] {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const denyAll = policies.some((p) => !Object.keys(p.spec.podSelector ?? {}).length && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) && !p.spec.ingress && !p.spec.egress);
  return [...(denyAll ? [] : ['NetworkPolicy: none denies all traffic by default (podSelector {}, Ingress and Egress, no rules)']), ...ingressErrors(services, policies, objects), ...egressErrors(policies, objects)];
}
