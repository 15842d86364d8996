import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RegisteredService } from '@irp/service-registry';
import { overlayProblems, renderOverlay, ROOT } from '../src';
import { composeProblems } from '../src/compose-check';

interface RegistryTool {
  addService(root: string, service: { name: string; schema?: string; env?: { name: string; secret?: boolean }[] }): { errors: string[] };
  loadRegistry(root: string): { services: RegisteredService[] };
}
// The registry's CommonJS tool (what `npm run new:service` calls), loaded as tools/registry/sync.mjs does.
const registryTool = createRequire(__filename)(path.join(ROOT, 'libs/service-registry/tool/index.cjs')) as RegistryTool;

/** Everything the registry tool reads or writes, and what the checks read. */
const FILES = ['libs/service-registry/src/services.json', 'libs/service-registry/src/service-names.ts', 'deploy', 'apps/e2e/project.json', 'tools/launcher/project.json', 'tools/cluster/project.json', 'docker-compose.yml', 'k8s'];

// A service registered today gets its compose blocks and k8s folder from the templates: they must
// pass every check as they come, leaving only the documented hand steps (its NATS password on the
// NATS servers, which read the passwords of the contracts' users; dev values of its own secrets).
describe('a newly registered service', () => {
  let root: string;
  let services: RegisteredService[];

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'deploy-check-new-service-'));
    for (const file of FILES) cpSync(path.join(ROOT, file), path.join(root, file), { recursive: true, filter: (source) => !source.includes(`${path.sep}secrets`) });
    const { errors } = registryTool.addService(root, { name: 'notifier', schema: 'notifier', env: [{ name: 'SMTP_URL', secret: true }] });
    expect(errors).toEqual(['k8s/overlays/dev/kustomization.yaml: secretGenerator notifier-secrets lacks SMTP_URL']);
    services = registryTool.loadRegistry(root).services;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['dev', 'prod'])('comes out of the k8s templates hardened and consistent (%s)', (overlay) => {
    const problems = overlayProblems(overlay, renderOverlay(overlay, path.join(root, 'k8s')), services);
    // Hand steps in dev: the dev value of its own secret, and its NATS password on the NATS servers.
    const handSteps = overlay === 'dev' ? [expect.stringMatching(/^Deployment\/notifier container notifier: SMTP_URL reads key SMTP_URL, which the Secret notifier-secrets-\w+ lacks$/), 'StatefulSet/nats: NOTIFIER_NATS_PASSWORD does not come from notifier-secrets (key NATS_PASSWORD)'] : [];
    expect(problems).toEqual(handSteps);
  });

  it('comes out of the compose template hardened and consistent', () => {
    expect(composeProblems(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), services, root)).toEqual([
      "docker-compose.yml: nats lacks NOTIFIER_NATS_PASSWORD (authorization.conf reads notifier's password from it)",
    ]);
  });
});
