'use strict';
// What `npm run registry:sync` writes for a service that has no deployment files yet, modelled on
// expenses (a NATS-only service with a schema). Written once, then the service's own: tune
// resources, replicas and env by hand; the check keeps names, ports and secrets in line.
const { secretsOf } = require('./registry.cjs');

/** The service's own secrets besides the database credentials (e.g. auth's signing key). */
const extraSecrets = (s) => secretsOf(s).filter((e) => e.name !== 'DATABASE_URL');
/** Required non-secret variables without a default (e.g. the gateway's PORT). */
const extraConfig = (s) => s.env.filter((e) => !e.secret && !e.optional && e.name !== 'PORT');

const possessive = (name) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

function secretKeyRef(s, key, optional) {
  return `            - name: ${key}
              valueFrom:
                secretKeyRef:
                  name: ${s.name}-secrets
                  key: ${key}${optional ? '\n                  optional: true' : ''}
`;
}

function secretEnv(s) {
  const database = s.schema
    ? `            - name: DATABASE_USER
              valueFrom:
                secretKeyRef:
                  name: ${s.name}-secrets
                  key: DATABASE_USER
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${s.name}-secrets
                  key: DATABASE_PASSWORD
            # $(VAR) expands variables defined above and those from envFrom (DATABASE_HOST, ...).
            - name: DATABASE_URL
              value: postgres://$(DATABASE_USER):$(DATABASE_PASSWORD)@$(DATABASE_HOST):$(DATABASE_PORT)/$(DATABASE_NAME)
            - name: DATABASE_POOL_MAX
              value: "10"
`
    : '';
  const extra = extraSecrets(s).map((e) => secretKeyRef(s, e.name, e.optional)).join('');
  const config = extraConfig(s).map((e) => `            - name: ${e.name}\n              value: "" # TODO: set\n`).join('');
  return database + extra + config;
}

function secretsComment(s) {
  const keys = [
    ...(s.schema
      ? [
          '#   DATABASE_USER, DATABASE_PASSWORD   the service\'s PostgreSQL role (URL-encode special characters',
          '#                                      of the password: it is placed into DATABASE_URL as is)',
        ]
      : []),
    ...extraSecrets(s).map((e) => `#   ${e.name}${e.optional ? ' (optional)' : ''}`),
  ];
  if (!keys.length) return '';
  return `#
# Needs the Secret \`${s.name}-secrets\` with the keys
${keys.join('\n')}
# The dev overlay generates it; elsewhere it is created out of band (deploy/README.md).
`;
}

function k8sDeployment(s) {
  return `# ${s.name}. No HTTP API: reached over NATS only; port ${s.opsPort} is its ops port.
${s.schema ? `# Owns the PostgreSQL schema \`${s.schema}\`, migrated by the Job in migrate-job.yaml, never on boot.\n` : ''}${secretsComment(s)}apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${s.name}
  labels:
    app.kubernetes.io/name: ${s.name}
    app.kubernetes.io/component: server
spec:
  replicas: 2
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${s.name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${s.name}
        app.kubernetes.io/component: server
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "${s.opsPort}"
        prometheus.io/path: /metrics
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${s.name}
      containers:
        - name: ${s.name}
          image: irp/${s.name}
          imagePullPolicy: IfNotPresent
          ports:
            - name: ops
              containerPort: ${s.opsPort}
          envFrom:
            - configMapRef:
                name: irp-config
          env:
            - name: OPS_PORT
              value: "${s.opsPort}"
${secretEnv(s)}            - name: OTEL_SERVICE_NAME
              value: ${s.name}
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            - name: OTEL_RESOURCE_ATTRIBUTES
              value: k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE)
          startupProbe:
            httpGet:
              path: /health/live
              port: ops
            periodSeconds: 2
            failureThreshold: 30
          livenessProbe:
            httpGet:
              path: /health/live
              port: ops
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            # Checks PostgreSQL and NATS.
            httpGet:
              path: /health/ready
              port: ops
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 384Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
`;
}

function k8sService(s) {
  return `# Ops port only (${s.name} has no HTTP API): for scraping, probes from tooling and debugging.
apiVersion: v1
kind: Service
metadata:
  name: ${s.name}
  labels:
    app.kubernetes.io/name: ${s.name}
    app.kubernetes.io/component: server
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${s.name}
  ports:
    - name: ops
      port: ${s.opsPort}
      targetPort: ops
`;
}

function k8sMigrateJob(s) {
  return `# Applies ${possessive(s.name)} migrations (schema \`${s.schema}\`; \`migrate.js up\`: idempotent, needs only
# DATABASE_URL) with the same image as the release being rolled out. Same as auth's Job: see the
# top of k8s/base/auth/migrate-job.yaml for why a Job and how a release orders it before the
# servers (deploy/README.md, "Kubernetes").
apiVersion: batch/v1
kind: Job
metadata:
  name: ${s.name}-migrate
  labels:
    app.kubernetes.io/name: ${s.name}-migrate
    app.kubernetes.io/component: migration
spec:
  # Retries with exponential back-off (10 s, 20 s, 40 s, ...) cover a database that is still
  # starting, e.g. when the dev overlay is applied in one go.
  backoffLimit: 6
  activeDeadlineSeconds: 900
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${s.name}-migrate
        app.kubernetes.io/component: migration
    spec:
      restartPolicy: Never # a new pod per attempt keeps each failed attempt's logs
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: migrate
          image: irp/${s.name}
          imagePullPolicy: IfNotPresent
          command: ["node", "--enable-source-maps", "dist/apps/${s.name}/src/migrate.js", "up"]
          envFrom:
            - configMapRef:
                name: irp-config
          env:
            - name: DATABASE_USER
              valueFrom:
                secretKeyRef:
                  name: ${s.name}-secrets
                  key: DATABASE_USER
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${s.name}-secrets
                  key: DATABASE_PASSWORD
            - name: DATABASE_URL
              value: postgres://$(DATABASE_USER):$(DATABASE_PASSWORD)@$(DATABASE_HOST):$(DATABASE_PORT)/$(DATABASE_NAME)
          resources:
            requests:
              cpu: 50m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 16Mi
`;
}

function k8sKustomization(s) {
  const files = [...(s.schema ? ['migrate-job.yaml'] : []), 'deployment.yaml', 'service.yaml'];
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
${files.map((f) => `  - ${f}`).join('\n')}
`;
}

/** The files of k8s/base/<name>/, by file name. */
function k8sFolder(s) {
  return {
    'kustomization.yaml': k8sKustomization(s),
    ...(s.schema && { 'migrate-job.yaml': k8sMigrateJob(s) }),
    'deployment.yaml': k8sDeployment(s),
    'service.yaml': k8sService(s),
  };
}

function composeBuildAnchor(s) {
  return `x-${s.name}-build: &${s.name}-build
  context: .
  dockerfile: deploy/Dockerfile
  args:
    SERVICE: ${s.name}
`;
}

function composeMigrate(s) {
  return `  # One-shot: applies ${possessive(s.name)} migrations (schema \`${s.schema}\`), then exits.
  ${s.name}-migrate:
    image: irp/${s.name}:\${IRP_TAG:-dev}
    build: *${s.name}-build
    command: ["node", "--enable-source-maps", "dist/apps/${s.name}/src/migrate.js", "up"]
    environment:
      LOG_LEVEL: \${LOG_LEVEL:-info}
      DATABASE_URL: *database-url
    depends_on:
      postgres:
        condition: service_healthy
    healthcheck:
      disable: true # the image's check probes the ops port, which a migration run has not
    restart: "no"
    <<: *hardening
`;
}

function composeService(s) {
  const env = [
    `OPS_PORT: ${s.opsPort}`,
    ...(s.schema ? ['DATABASE_URL: *database-url', 'DATABASE_POOL_MAX: 10'] : []),
    ...[...extraSecrets(s), ...extraConfig(s)].map((e) => (e.optional ? `${e.name}: \${${e.name}:-}` : `${e.name}: \${${e.name}:?set ${e.name} in .env}`)),
  ];
  const dependsOn = [
    ...(s.schema ? [`      ${s.name}-migrate:\n        condition: service_completed_successfully`, '      postgres:\n        condition: service_healthy'] : []),
    '      nats:\n        condition: service_healthy',
  ];
  return `  # ${s.name}: NATS only; ${s.opsPort} is its ops port.
  ${s.name}:
    image: irp/${s.name}:\${IRP_TAG:-dev}
    build: *${s.name}-build
    environment:
      <<: *service-env
${env.map((line) => `      ${line}`).join('\n')}
    ports:
      - 127.0.0.1:${s.opsPort}:${s.opsPort}
    depends_on:
${dependsOn.join('\n')}
    restart: unless-stopped
    <<: *hardening
`;
}

/** The compose blocks of a service: the migration one-shot (when it owns a schema), then the server. */
function composeBlocks(s) {
  return [...(s.schema ? [composeMigrate(s)] : []), composeService(s)].join('\n');
}

function devSecretGenerator(s) {
  return `  - name: ${s.name}-secrets
    literals:
      - DATABASE_USER=irp
      - DATABASE_PASSWORD=irp-dev
`;
}

module.exports = { k8sFolder, composeBuildAnchor, composeBlocks, devSecretGenerator, extraSecrets };
