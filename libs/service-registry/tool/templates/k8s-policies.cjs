'use strict';
// A new service's PodDisruptionBudget and NetworkPolicy (k8s/base/<name>/pdb.yaml and
// networkpolicy.yaml): one pod at a time in a drain; only Prometheus may reach it (its requests
// arrive over NATS). What services may reach is namespace-wide, in k8s/base/network-policies.yaml.

function k8sPodDisruptionBudget(s) {
  return `# Voluntary disruptions (node drains, cluster upgrades) take at most one ${s.name} pod at a time.
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${s.name}
  labels:
    app.kubernetes.io/name: ${s.name}
    app.kubernetes.io/component: server
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${s.name}
`;
}

function k8sNetworkPolicy(s) {
  return `# Who may reach ${s.name}: only Prometheus, on the ops port (/metrics). It takes no other traffic
# (its requests arrive over NATS). What it may reach is in k8s/base/network-policies.yaml.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${s.name}
  labels:
    app.kubernetes.io/name: ${s.name}
    app.kubernetes.io/component: server
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${s.name}
  policyTypes: ["Ingress"]
  ingress:
    - from:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              app.kubernetes.io/name: prometheus
      ports:
        - port: ops
`;
}

module.exports = { k8sPodDisruptionBudget, k8sNetworkPolicy };
