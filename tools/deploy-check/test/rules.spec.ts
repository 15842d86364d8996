import { SERVICES } from '@irp/service-registry';
import { overlayProblems, renderOverlay, type K8sObject } from '../src';
import { podTemplateOf, type Container } from '../src/k8s-types';

// Each rule fails when the manifests break it: the rendered overlays with one fault put in.
describe('k8s rules', () => {
  let dev: K8sObject[];
  let prod: K8sObject[];
  beforeAll(() => {
    dev = renderOverlay('dev');
    prod = renderOverlay('prod');
  });

  const copy = (objects: K8sObject[]) => structuredClone(objects);
  const object = (objects: K8sObject[], kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`${kind}/${name} not rendered`);
    return found;
  };
  const podOf = (objects: K8sObject[], kind: string, name: string) => {
    const template = podTemplateOf(object(objects, kind, name));
    if (!template) throw new Error(`${kind}/${name} has no pod template`);
    return template.spec;
  };
  const containerOf = (objects: K8sObject[], kind: string, name: string): Container => podOf(objects, kind, name).containers[0];
  /** A generated ConfigMap or Secret, by the name before kustomize's hash. */
  const generated = (objects: K8sObject[], kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name.startsWith(`${name}-`));
    if (!found?.data) throw new Error(`${kind}/${name} not rendered`);
    return found.data;
  };
  /** The problems of dev with `fault` applied. */
  const devWith = (fault: (objects: K8sObject[]) => void, services = SERVICES) => {
    const objects = copy(dev);
    fault(objects);
    return overlayProblems('dev', objects, services);
  };

  it('refuses a field the Kubernetes schema does not have, and a wrong type', () => {
    const problems = devWith((objects) => {
      Object.assign(containerOf(objects, 'Deployment', 'auth'), { imagePullPolicyy: 'Always' });
      object(objects, 'Deployment', 'tax').spec.revisionHistoryLimit = 'five';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/auth: /spec/template/spec/containers/0 must NOT have additional properties (imagePullPolicyy)',
        'Deployment/tax: /spec/revisionHistoryLimit must be integer',
      ]),
    );
  });

  it('requires probes on the terminus endpoints, resources and a locked-down container', () => {
    const problems = devWith((objects) => {
      delete containerOf(objects, 'Deployment', 'gateway').readinessProbe;
      containerOf(objects, 'Deployment', 'ocr').resources = { requests: { cpu: '1', memory: '768Mi' }, limits: { cpu: '2' } };
      containerOf(objects, 'Deployment', 'auth').securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
      containerOf(objects, 'StatefulSet', 'nats').securityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { add: ['NET_ADMIN'] } };
      podOf(objects, 'Job', 'tax-migrate').securityContext = { runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } };
      containerOf(objects, 'Deployment', 'budgets').livenessProbe = { httpGet: { path: '/', port: 'ops' } };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/gateway container gateway: no readinessProbe',
        'Deployment/gateway container gateway: readinessProbe is not GET /health/ready on the ops port',
        'Deployment/ocr container ocr: no resources.limits.memory',
        'Deployment/auth container auth: readOnlyRootFilesystem is not true',
        'StatefulSet/nats container nats: capabilities do not drop ALL',
        'StatefulSet/nats container nats: adds capabilities NET_ADMIN',
        'Job/tax-migrate container migrate: runAsNonRoot is not true',
        'Deployment/budgets container budgets: livenessProbe is not GET /health/live on the ops port',
      ]),
    );
  });

  it('holds images, ports and variables to the registry', () => {
    const withImap = SERVICES.map((s) => (s.name === 'mail-ingest' ? { ...s, env: [...s.env, { name: 'IMAP_HOST' }] } : s));
    const problems = devWith((objects) => {
      containerOf(objects, 'Deployment', 'budgets').image = 'irp/tax:dev';
      containerOf(objects, 'Deployment', 'tax').ports = [{ name: 'ops', containerPort: 9999 }];
      const expenses = containerOf(objects, 'Deployment', 'expenses');
      expenses.env = expenses.env?.filter((e) => e.name !== 'NATS_PASSWORD');
      const auth = containerOf(objects, 'Deployment', 'auth');
      auth.env = auth.env?.map((e) => (e.name === 'AUTH_JWT_PRIVATE_KEY' ? { name: e.name, value: '-----BEGIN PRIVATE KEY-----' } : e));
      containerOf(objects, 'Job', 'ocr-migrate').image = 'irp/ocr:old';
    }, withImap);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/budgets container budgets: image irp/tax:dev is not irp/budgets',
        'Deployment/tax container tax: port "ops" is 9999, the registry says 9105',
        'Deployment/expenses container expenses: NATS_PASSWORD is not set (the registry lists it as required)',
        'Deployment/auth container auth: AUTH_JWT_PRIVATE_KEY is a secret but is written in the manifest, not read from a Secret',
        'Job/ocr-migrate: image irp/ocr:old differs from the Deployment\'s irp/ocr:dev',
        'Deployment/mail-ingest container mail-ingest: IMAP_HOST is not set (the registry lists it as required)',
      ]),
    );
  });

  it('finds a variable referring to one that is not defined, and a key its Secret lacks', () => {
    const problems = devWith((objects) => {
      delete generated(objects, 'ConfigMap', 'irp-config').DATABASE_HOST;
      delete generated(objects, 'Secret', 'tax-secrets').NATS_PASSWORD;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/auth container auth: DATABASE_URL refers to $(DATABASE_HOST), which is not defined before it',
        'Job/expenses-migrate: DATABASE_URL refers to $(DATABASE_HOST), which is not defined before it',
        expect.stringMatching(/^Deployment\/tax container tax: NATS_PASSWORD reads key NATS_PASSWORD, which the Secret tax-secrets-\w+ lacks$/),
      ]),
    );
  });

  it('requires a default deny, and lets outside traffic reach only the gateway API and mail-ingest SMTP', () => {
    const problems = devWith((objects) => {
      objects.splice(objects.indexOf(object(objects, 'NetworkPolicy', 'default-deny')), 1);
      object(objects, 'NetworkPolicy', 'auth').spec.ingress.push({ ports: [{ port: 9101 }] });
      object(objects, 'NetworkPolicy', 'services-egress').spec.egress.push({ ports: [{ port: 80 }] });
      object(objects, 'NetworkPolicy', 'tax').spec.egress = [{ ports: [{ port: 443 }] }];
      object(objects, 'NetworkPolicy', 'tax').spec.policyTypes.push('Egress');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'NetworkPolicy: none denies all traffic by default (podSelector {}, Ingress and Egress, no rules)',
        expect.stringMatching(/^NetworkPolicy\/auth: lets traffic from outside the namespace reach auth on 9101;/),
        'NetworkPolicy/services-egress: lets services reach port 80; they reach only DNS, NATS, PostgreSQL and the collector',
        'NetworkPolicy/tax: lets services reach port 443; they reach only DNS, NATS, PostgreSQL and the collector',
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/NetworkPolicy\/(gateway|mail-ingest|expenses)/);
  });

  it('holds dev to a 3-node NATS cluster and prod to managed endpoints from a Secret, autoscaling and an Ingress', () => {
    expect(devWith((objects) => (object(objects, 'StatefulSet', 'nats').spec.replicas = 1))).toContain('StatefulSet/nats: 1 replicas; the dev NATS is a 3-node JetStream cluster');
    const broken = copy(prod);
    const job = containerOf(broken, 'Job', 'auth-migrate');
    job.envFrom = job.envFrom?.filter((source) => !source.secretRef);
    broken.splice(broken.indexOf(object(broken, 'HorizontalPodAutoscaler', 'ocr')), 1);
    broken.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'auth-secrets' }, data: { NATS_PASSWORD: 'c2VjcmV0' } });
    expect(overlayProblems('prod', broken)).toEqual(
      expect.arrayContaining([
        'Job/auth-migrate: does not read NATS/PostgreSQL addresses from the Secret platform-endpoints',
        'HorizontalPodAutoscaler/ocr: missing or not scaling Deployment/ocr',
        'Secret/auth-secrets: prod commits no secret; create it out of band',
      ]),
    );
  });
});
