import { SERVICES } from '@irp/service-registry';
import type { K8sObject } from './k8s-types';
import { schemaErrors } from './k8s-schema';
import { networkErrors } from './network-rules';
import { overlayErrors } from './overlay-rules';
import { serviceErrors } from './service-rules';
import { workloadErrors } from './workload-rules';

export { renderOverlay, overlays, ROOT } from './render';
export type { K8sObject } from './k8s-types';

/** Every problem of an overlay's rendered objects: schema, workload hardening, registry, network, overlay promises. */
export function overlayProblems(overlay: string, objects: readonly K8sObject[], services = SERVICES): string[] {
  return [...schemaErrors(objects), ...workloadErrors(objects), ...serviceErrors(services, objects), ...networkErrors(services, objects), ...overlayErrors(overlay, objects, services)];
}
