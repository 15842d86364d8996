import { overlayProblems, overlays, renderOverlay, type K8sObject } from '../src';

// Each overlay as `kubectl kustomize` renders it, checked offline: the vendored strict schemas,
// the hardening every workload needs, what the registry of services says, the network rules and
// the overlay's own promises.
describe('k8s overlays', () => {
  it('are dev and prod', () => {
    expect(overlays().sort()).toEqual(['dev', 'prod']);
  });

  describe.each(['dev', 'prod'])('%s', (overlay) => {
    let objects: K8sObject[];
    beforeAll(() => {
      objects = renderOverlay(overlay);
    });

    it('renders and breaks no rule', () => {
      expect(objects.length).toBeGreaterThan(40);
      expect(overlayProblems(overlay, objects)).toEqual([]);
    });
  });
});
