import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { overlayProblems, overlays, renderOverlay, ROOT, type K8sObject } from '../src';

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

  it('takes the optional queue-depth autoscaling of ocr (k8s/components/ocr-queue-autoscaling) in prod', () => {
    const k8s = path.join(mkdtempSync(path.join(tmpdir(), 'deploy-check-component-')), 'k8s');
    try {
      cpSync(path.join(ROOT, 'k8s'), k8s, { recursive: true });
      mkdirSync(path.join(k8s, 'overlays/prod-queue'));
      writeFileSync(path.join(k8s, 'overlays/prod-queue/kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../prod\ncomponents:\n  - ../../components/ocr-queue-autoscaling\n');
      const objects = renderOverlay('prod-queue', k8s);
      expect(overlayProblems('prod', objects)).toEqual([]);
      const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'ocr');
      expect(hpa?.spec.metrics.map((m: { type: string }) => m.type)).toEqual(['Resource', 'External']);
      expect(hpa?.spec.metrics[1].external.metric).toEqual({ name: 'jetstream_consumer_num_pending', selector: { matchLabels: { stream_name: 'OCR_JOBS', consumer_name: 'ocr-workers' } } });
    } finally {
      rmSync(path.dirname(k8s), { recursive: true, force: true });
    }
  });
});

describe('renderOverlay', () => {
  it('says what is wrong when kubectl is missing or kustomize fails', () => {
    const saved = process.env.KUBECTL;
    try {
      process.env.KUBECTL = '/nonexistent/kubectl';
      expect(() => renderOverlay('dev')).toThrow('/nonexistent/kubectl not found: install kubectl (Debian/Ubuntu: apt-get install kubectl) or set KUBECTL');
    } finally {
      if (saved === undefined) delete process.env.KUBECTL;
      else process.env.KUBECTL = saved;
    }
    expect(() => renderOverlay('nowhere')).toThrow(/no such file|ENOENT/);
  });
});
