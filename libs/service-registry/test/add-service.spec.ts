import { addService, checkTree, loadRegistry, removeService, type Registry } from '../tool/index.cjs';
import { WorkspaceCopy } from './workspace-copy';

const REGISTRY = 'libs/service-registry/src/services.json';

describe('addService', () => {
  let tree: WorkspaceCopy;
  beforeEach(() => {
    tree = new WorkspaceCopy();
  });
  afterEach(() => tree.remove());

  it('registers a service on its reserved port, before the gateway, and writes everything that follows', () => {
    tree.editJson<Registry>(REGISTRY, (registry) => Object.assign(registry.reservedOpsPorts ?? {}, { billing: 9110 }));
    const registered = loadRegistry(tree.root).services.map((s) => s.name);
    const result = addService(tree.root, { name: 'billing', schema: 'billing', streams: ['BILLING'] });

    expect(result.service).toEqual({ name: 'billing', schema: 'billing', opsPort: 9110, streams: ['BILLING'], ingress: false, env: [{ name: 'DATABASE_URL', secret: true }, { name: 'NATS_USER' }, { name: 'NATS_PASSWORD', secret: true }] });
    expect(result.errors).toEqual([]);
    expect(result.written).toEqual(
      expect.arrayContaining(['docker-compose.yml', 'deploy/prometheus/prometheus.yml', 'k8s/base/billing/deployment.yaml', 'k8s/base/billing/migrate-job.yaml', 'apps/e2e/project.json']),
    );
    expect(loadRegistry(tree.root).services.map((s) => s.name)).toEqual([...registered.filter((name) => name !== 'gateway'), 'billing', 'gateway']);
    expect(checkTree(tree.root)).toEqual([]);
  });

  it('gives an unreserved name the next free port, skipping reserved ones, and passes its secrets on', () => {
    const { service, errors } = addService(tree.root, { name: 'notifier', env: [{ name: 'SMTP_PASSWORD', secret: true }] });

    expect(service.opsPort).toBe(9107);
    expect(service.schema).toBeNull();
    expect(errors).toEqual(['k8s/overlays/dev/kustomization.yaml: no secretGenerator notifier-secrets']);
    expect(tree.read('docker-compose.yml')).toContain('SMTP_PASSWORD: ${SMTP_PASSWORD:?set SMTP_PASSWORD in .env}');
    expect(tree.read('k8s/base/notifier/deployment.yaml')).toContain('name: notifier-secrets\n                  key: SMTP_PASSWORD');
  });

  it('refuses a name or a port already taken, changing nothing', () => {
    const before = tree.read('libs/service-registry/src/services.json');

    expect(() => addService(tree.root, { name: 'auth', schema: 'auth2' })).toThrow('auth is already registered');
    expect(() => addService(tree.root, { name: 'billing', schema: 'billing', opsPort: 9102 })).toThrow(/ops port 9102 is used by expenses and billing/);
    expect(() => addService(tree.root, { name: 'reports', schema: 'expenses' })).toThrow(/schema expenses is owned by two services/);
    expect(tree.read('libs/service-registry/src/services.json')).toBe(before);
    expect(checkTree(tree.root)).toEqual([]);
  });
});

describe('removeService', () => {
  let tree: WorkspaceCopy;
  beforeEach(() => {
    tree = new WorkspaceCopy();
  });
  afterEach(() => tree.remove());

  it('undoes addService: every file is as it was', () => {
    const files = ['libs/service-registry/src/services.json', 'docker-compose.yml', 'deploy/prometheus/prometheus.yml', 'k8s/base/kustomization.yaml', 'k8s/overlays/dev/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml', 'apps/e2e/project.json', 'tools/launcher/project.json', 'tools/cluster/project.json'];
    const before = files.map((file) => tree.read(file));
    addService(tree.root, { name: 'billing', schema: 'billing', streams: ['BILLING'] });
    expect(tree.exists('k8s/base/billing')).toBe(true);

    expect(removeService(tree.root, 'billing')).toEqual({ written: expect.arrayContaining(['deploy/prometheus/prometheus.yml']), errors: [] });

    expect(files.map((file) => tree.read(file))).toEqual(before);
    expect(tree.exists('k8s/base/billing')).toBe(false);
    expect(checkTree(tree.root)).toEqual([]);
  });

  it('refuses a service that is not registered', () => {
    expect(() => removeService(tree.root, 'billing')).toThrow('billing is not registered');
  });
});
