'use strict';
// k8s/base/<name>/ for a service that has none yet, modelled on expenses (a NATS-only service with
// a schema). Written once, then the service's own: tune resources, replicas and env by hand; the
// registry check keeps names, ports and secrets in line.
const { extraConfig, extraSecrets, possessive } = require('./common.cjs');
const { k8sNetworkPolicy, k8sPodDisruptionBudget } = require('./k8s-policies.cjs');

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
  const config = extraConfig(s).map((e) => `            - name: ${e.name}\n              value: ${e.name === 'NATS_USER' ? s.name : '"" # TODO: set'}\n`).join('');
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
            # Its own settings (kustomization.yaml): later sources win over irp-config.
            - configMapRef:
                name: ${s.name}-config
          env:
            - name: OPS_PORT
              value: "${s.opsPort}"
${secretEnv(s)}            - name: POD_NAME
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
${hardening('64Mi')}`;
}

/** The container's restrictions and its writable /tmp, the same for the service and its migrate Job. */
function hardening(tmpSize) {
  return `          securityContext:
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
            sizeLimit: ${tmpSize}
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
${hardening('16Mi')}`;
}

/** The files every service folder lists, beside the migrate Job of a service with a schema. */
const SERVICE_FILES = ['deployment.yaml', 'service.yaml', 'pdb.yaml', 'networkpolicy.yaml'];

function k8sKustomization(s) {
  const files = [...(s.schema ? ['migrate-job.yaml'] : []), ...SERVICE_FILES];
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
${files.map((f) => `  - ${f}`).join('\n')}

# ${possessive(s.name)} own non-secret settings (envFrom after irp-config, so they win). Generated
# with a content hash in its name: a change rolls the Deployment.
configMapGenerator:
  - name: ${s.name}-config
    literals:
      - OTEL_SERVICE_NAME=${s.name}
`;
}


/** The files of k8s/base/<name>/, by file name. */
function k8sFolder(s) {
  return {
    'kustomization.yaml': k8sKustomization(s),
    ...(s.schema && { 'migrate-job.yaml': k8sMigrateJob(s) }),
    'deployment.yaml': k8sDeployment(s),
    'service.yaml': k8sService(s),
    'pdb.yaml': k8sPodDisruptionBudget(s),
    'networkpolicy.yaml': k8sNetworkPolicy(s),
  };
}

module.exports = { k8sFolder, SERVICE_FILES };
