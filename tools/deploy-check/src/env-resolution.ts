import type { Container, K8sObject } from './k8s-types';

// Where a container's variables come from, as the kubelet would resolve them: envFrom sources in
// order (later ones win), then env (wins over envFrom); $(VAR) in a value expands only variables
// defined before it or by envFrom.

export type EnvSource =
  | { kind: 'value'; value: string }
  | { kind: 'secretKeyRef'; secret: string; key: string; optional: boolean }
  | { kind: 'configMap'; configMap: string; value: string }
  | { kind: 'secret'; secret: string }
  | { kind: 'field' };

export interface ResolvedEnv {
  vars: Map<string, EnvSource>;
  /** Secrets read through envFrom that the overlay does not render (created out of band): their keys are unknown. */
  opaqueSecrets: string[];
  /** $(VAR) references to variables defined neither before nor by envFrom (the kubelet leaves them as text). */
  unresolved: string[];
}

const byName = (objects: readonly K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

export function resolveEnv(container: Container, objects: readonly K8sObject[]): ResolvedEnv {
  const vars = new Map<string, EnvSource>();
  const opaqueSecrets: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const configMap = byName(objects, 'ConfigMap', source.configMapRef.name);
      for (const [key, value] of Object.entries(configMap?.data ?? {})) vars.set(key, { kind: 'configMap', configMap: source.configMapRef.name, value });
    }
    if (source.secretRef) {
      const secret = byName(objects, 'Secret', source.secretRef.name);
      if (!secret) opaqueSecrets.push(source.secretRef.name);
      for (const key of Object.keys(secret?.data ?? {})) vars.set(key, { kind: 'secret', secret: source.secretRef.name });
    }
  }
  const unresolved: string[] = [];
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) vars.set(variable.name, { kind: 'secretKeyRef', secret: ref.name, key: ref.key, optional: ref.optional === true });
    else if (variable.valueFrom) vars.set(variable.name, { kind: 'field' });
    else {
      const value = variable.value ?? '';
      for (const [, name] of value.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
        if (!vars.has(name) && !opaqueSecrets.length) unresolved.push(`${variable.name} refers to $(${name}), which is not defined before it`);
      }
      vars.set(variable.name, { kind: 'value', value });
    }
  }
  return { vars, opaqueSecrets, unresolved };
}

/** The variables a value refers to with $(VAR). */
export const referencesOf = (value: string) => [...value.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1]);
