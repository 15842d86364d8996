import { describe, podTemplateOf, type Container, type K8sObject, type PodSpec } from './k8s-types';

// What every workload in an overlay must have, whoever wrote it (the services, their migration
// Jobs, the dev NATS and PostgreSQL): resources, probes, and a container that cannot gain
// privileges (the Pod Security Standards' "restricted" profile, plus a read-only root).

const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet'];

function resourceErrors(at: string, container: Container): string[] {
  const { requests = {}, limits = {} } = container.resources ?? {};
  return [
    ...['cpu', 'memory'].filter((r) => !requests[r]).map((r) => `${at}: no resources.requests.${r}`),
    ...['cpu', 'memory'].filter((r) => !limits[r]).map((r) => `${at}: no resources.limits.${r}`),
  ];
}

function securityErrors(at: string, container: Container, pod: PodSpec): string[] {
  const own = container.securityContext ?? {};
  const podLevel = pod.securityContext ?? {};
  const errors: string[] = [];
  if ((own.runAsNonRoot ?? podLevel.runAsNonRoot) !== true) errors.push(`${at}: runAsNonRoot is not true`);
  if ((own.runAsUser ?? podLevel.runAsUser) === 0) errors.push(`${at}: runs as uid 0`);
  if ((own.seccompProfile ?? podLevel.seccompProfile)?.type !== 'RuntimeDefault') errors.push(`${at}: seccompProfile is not RuntimeDefault`);
  if (own.allowPrivilegeEscalation !== false) errors.push(`${at}: allowPrivilegeEscalation is not false`);
  if (own.readOnlyRootFilesystem !== true) errors.push(`${at}: readOnlyRootFilesystem is not true`);
  if (own.privileged) errors.push(`${at}: privileged`);
  if (!own.capabilities?.drop?.includes('ALL')) errors.push(`${at}: capabilities do not drop ALL`);
  if (own.capabilities?.add?.length) errors.push(`${at}: adds capabilities ${own.capabilities.add.join(', ')}`);
  return errors;
}

function probeErrors(at: string, container: Container): string[] {
  return [
    ...(container.livenessProbe ? [] : [`${at}: no livenessProbe`]),
    ...(container.readinessProbe ? [] : [`${at}: no readinessProbe`]),
  ];
}

/** Problems of every workload's containers in `objects`. */
export function workloadErrors(objects: readonly K8sObject[]): string[] {
  return objects.flatMap((object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    const pod = template.spec;
    const errors = pod.automountServiceAccountToken === false ? [] : [`${describe(object)}: automountServiceAccountToken is not false (no pod here calls the Kubernetes API)`];
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const at = `${describe(object)} container ${container.name}`;
      errors.push(...resourceErrors(at, container), ...securityErrors(at, container, pod));
      if (LONG_RUNNING.includes(object.kind) && pod.containers.includes(container)) errors.push(...probeErrors(at, container));
    }
    return errors;
  });
}
