import { checkTree, syncTree, validateRegistry, type Registry, type RegistryEnvVar, type RegistryService } from '../tool/index.cjs';
import { WORKSPACE, WorkspaceCopy } from './workspace-copy';

const REGISTRY = 'libs/service-registry/src/services.json';

const service = (overrides: Partial<RegistryService> & { name: string }): RegistryService => ({
  schema: overrides.name.replace(/-/g, '_'),
  opsPort: 9200,
  streams: [],
  ingress: false,
  env: [{ name: 'DATABASE_URL', secret: true }],
  ...overrides,
});

describe('registry check', () => {
  it('finds the workspace in line with the registry', () => {
    expect(checkTree(WORKSPACE)).toEqual([]);
  });

  describe('validateRegistry', () => {
    it('rejects an ops port written twice, naming both services', () => {
      const errors = validateRegistry({ services: [service({ name: 'auth', opsPort: 9101 }), service({ name: 'budgets', opsPort: 9101 })] });
      expect(errors).toEqual([expect.stringContaining('ops port 9101 is used by auth and budgets')]);
    });

    it('rejects a name registered twice', () => {
      const errors = validateRegistry({ services: [service({ name: 'auth', schema: 'auth', opsPort: 9101 }), service({ name: 'auth', schema: 'auth2', opsPort: 9102 })] });
      expect(errors).toEqual([expect.stringContaining('service name auth is registered twice')]);
    });

    it('rejects a schema or a stream owned by two services', () => {
      const errors = validateRegistry({
        services: [service({ name: 'a', schema: 'shared', opsPort: 9201, streams: ['S'] }), service({ name: 'b', schema: 'shared', opsPort: 9202, streams: ['S'] })],
      });
      expect(errors).toEqual([expect.stringContaining('schema shared is owned by two services'), expect.stringContaining('stream S is owned by two services')]);
    });

    it('rejects a port reserved for another service', () => {
      const errors = validateRegistry({ reservedOpsPorts: { budgets: 9104 }, services: [service({ name: 'tax', opsPort: 9104 })] });
      expect(errors).toEqual([expect.stringContaining('ops port 9104 is reserved for budgets but used by tax')]);
    });

    it.each<[string, Partial<RegistryService>, string]>([
      ['a missing ops port', { opsPort: undefined }, 'opsPort must be an integer'],
      ['a name that is no kebab-case', { name: 'Bad_Name' }, 'name must be kebab-case'],
      ['a schema without DATABASE_URL', { env: [] }, 'needs env DATABASE_URL'],
      ['a stream in lower case', { streams: ['budgets'] }, 'streams must be a list of JetStream stream names'],
      ['a misspelt field', { opsport: 9104 } as Partial<RegistryService>, 'unknown field opsport'],
      ['a misspelt env field', { env: [{ name: 'DATABASE_URL', secret: true }, { name: 'API_KEY', secrets: true } as RegistryEnvVar] }, 'env API_KEY has unknown field secrets'],
    ])('rejects %s', (_case, overrides, message) => {
      const errors = validateRegistry({ services: [{ ...service({ name: 'budgets' }), ...overrides }] });
      expect(errors).toEqual([expect.stringContaining(message)]);
    });

    it('keeps services taking ingress last in start order', () => {
      const errors = validateRegistry({ services: [service({ name: 'gateway', schema: null, ingress: true, env: [{ name: 'PORT' }], opsPort: 9100 }), service({ name: 'auth', opsPort: 9101 })] });
      expect(errors).toEqual([expect.stringContaining('services taking ingress must come last')]);
    });

    it('rejects a registry without services', () => {
      expect(validateRegistry({ services: [] })).toEqual([expect.stringContaining('needs a non-empty "services" list')]);
    });
  });

  describe('on a copy of the workspace', () => {
    let tree: WorkspaceCopy;
    beforeEach(() => {
      tree = new WorkspaceCopy();
    });
    afterEach(() => tree.remove());

    it('reports a registered service missing from compose, k8s and the generated lists, and sync writes them', () => {
      tree.editJson<Registry>(REGISTRY, (registry) => registry.services.splice(-1, 0, service({ name: 'billing', schema: 'billing', opsPort: 9110 })));

      const errors = checkTree(tree.root);
      expect(errors).toEqual(
        expect.arrayContaining([
          'docker-compose.yml: no service block for registered service billing (npm run registry:sync writes one)',
          'k8s/base/billing/: missing for registered service billing (npm run registry:sync writes it)',
          'k8s/overlays/dev/kustomization.yaml: no secretGenerator billing-secrets',
          expect.stringMatching(/^deploy\/prometheus\/prometheus.yml: out of date/),
          expect.stringMatching(/^k8s\/base\/kustomization.yaml: out of date/),
          expect.stringMatching(/^apps\/e2e\/project.json: out of date/),
        ]),
      );

      expect(syncTree(tree.root).errors).toEqual([]);
      expect(checkTree(tree.root)).toEqual([]);
      expect(tree.read('deploy/prometheus/prometheus.yml')).toContain('- targets: ["billing:9110"]');
      expect(tree.read('docker-compose.yml')).toContain('OPS_PORT: 9110');
      expect(tree.read('k8s/base/billing/deployment.yaml')).toContain('containerPort: 9110');
      expect(JSON.parse(tree.read('apps/e2e/project.json')).implicitDependencies).toEqual(['gateway', 'auth', 'expenses', 'ocr', 'budgets', 'tax', 'mail-ingest', 'billing']);
    });

    it('reports a compose service and a k8s folder of an unregistered service', () => {
      tree.edit('docker-compose.yml', (text) => text.replace(/^volumes:\n/m, '  billing:\n    image: irp/billing:dev\n    build:\n      context: .\n      args:\n        SERVICE: billing\n\nvolumes:\n'));
      tree.edit('k8s/base/kustomization.yaml', (text) => text.replace('  - ocr\n', '  - ocr\n  - billing\n'));
      tree.mkdir('k8s/base/billing');

      expect(checkTree(tree.root)).toEqual(
        expect.arrayContaining([
          'docker-compose.yml: billing runs billing, which is not a registered service',
          'k8s/base/billing/: not a registered service',
          'k8s/base/kustomization.yaml: resources names billing, which is not a registered service',
          expect.stringMatching(/^k8s\/base\/kustomization.yaml: out of date/),
        ]),
      );
    });

    it('reports a Prometheus job or an overlay image of an unregistered service as stale, and sync removes them', () => {
      tree.edit('deploy/prometheus/prometheus.yml', (text) => text.replace('  - job_name: prometheus', '  - job_name: billing\n    static_configs:\n      - targets: ["billing:9107"]\n\n  - job_name: prometheus'));
      tree.edit('k8s/overlays/dev/kustomization.yaml', (text) => text.replace('  - name: irp/ocr\n    newTag: dev\n', '  - name: irp/ocr\n    newTag: dev\n  - name: irp/billing\n    newTag: dev\n'));

      expect(checkTree(tree.root)).toEqual([
        'k8s/overlays/dev/kustomization.yaml: images names billing, which is not a registered service',
        'deploy/prometheus/prometheus.yml: job billing scrapes billing, which is not a registered service',
        expect.stringMatching(/^deploy\/prometheus\/prometheus.yml: out of date/),
        expect.stringMatching(/^k8s\/overlays\/dev\/kustomization.yaml: out of date/),
      ]);
      syncTree(tree.root);
      expect(checkTree(tree.root)).toEqual([]);
      expect(tree.read('deploy/prometheus/prometheus.yml')).not.toContain('billing');
    });

    it('reports an ops port written differently in compose and k8s', () => {
      tree.edit('docker-compose.yml', (text) => text.replace('OPS_PORT: 9101', 'OPS_PORT: 9111'));
      tree.edit('k8s/base/auth/service.yaml', (text) => text.replace('port: 9101', 'port: 9111'));
      tree.edit('k8s/base/auth/deployment.yaml', (text) => text.replace('prometheus.io/port: "9101"', 'prometheus.io/port: "9111"'));

      expect(checkTree(tree.root)).toEqual([
        'docker-compose.yml: auth: OPS_PORT is 9111, the registry says 9101',
        'k8s/base/auth/deployment.yaml: prometheus.io/port is 9111, the registry says 9101',
        'k8s/base/auth/service.yaml: Service auth port "ops" is 9111, the registry says 9101',
      ]);
    });

    it('reports a required secret missing from compose, the Deployment and the dev Secret', () => {
      tree.edit('docker-compose.yml', (text) => text.replace(/^ {6}AUTH_JWT_PRIVATE_KEY: .*\n/m, ''));
      tree.edit('k8s/base/auth/deployment.yaml', (text) => text.replace(/ {12}- name: AUTH_JWT_PRIVATE_KEY\n(?: {14}.*\n)+/, ''));
      tree.edit('k8s/overlays/dev/kustomization.yaml', (text) => text.replace(/ {6}- AUTH_JWT_PRIVATE_KEY=.*\n/, ''));

      expect(checkTree(tree.root)).toEqual([
        'docker-compose.yml: auth: environment lacks AUTH_JWT_PRIVATE_KEY, which the registry lists as required',
        'k8s/base/auth/deployment.yaml: env lacks AUTH_JWT_PRIVATE_KEY, which the registry lists as required',
        'k8s/overlays/dev/kustomization.yaml: secretGenerator auth-secrets lacks AUTH_JWT_PRIVATE_KEY',
      ]);
    });

    it('reports a Deployment reading another service\'s Secret', () => {
      tree.edit('k8s/base/ocr/deployment.yaml', (text) => text.replace('name: ocr-secrets', 'name: auth-secrets'));
      expect(checkTree(tree.root)).toEqual([
        'k8s/base/ocr/deployment.yaml: NATS_PASSWORD is a secret, so comes from the Secret ocr-secrets',
        'k8s/base/ocr/deployment.yaml: reads the Secret auth-secrets; a service reads only its own (ocr-secrets)',
      ]);
    });

    it('stops at the registry\'s own problems before looking at other files', () => {
      tree.editJson<Registry>(REGISTRY, (registry) => {
        registry.services[1].opsPort = 9101;
      });
      expect(checkTree(tree.root)).toEqual([expect.stringContaining('ops port 9101 is used by auth and expenses')]);
    });
  });
});
