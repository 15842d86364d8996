'use strict';
// The docker-compose.yml blocks and the dev overlay's Secret generator of a newly registered
// service, written once like k8s/base/<name>/ (see k8s.cjs).
const { extraConfig, extraSecrets, possessive } = require('./common.cjs');

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

/** Its NATS user is its name; its NATS password comes from .env as <NAME>_NATS_PASSWORD, as the nats service reads it. */
function composeVariable(s, e) {
  if (e.name === 'NATS_USER') return `NATS_USER: ${s.name}`;
  const variable = e.name === 'NATS_PASSWORD' ? `${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_NATS_PASSWORD` : e.name;
  return e.optional ? `${e.name}: \${${variable}:-}` : `${e.name}: \${${variable}:?set ${variable} in .env}`;
}

function composeService(s) {
  const env = [
    `OPS_PORT: ${s.opsPort}`,
    ...(s.schema ? ['DATABASE_URL: *database-url', 'DATABASE_POOL_MAX: 10'] : []),
    ...[...extraSecrets(s), ...extraConfig(s)].map((e) => composeVariable(s, e)),
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
${s.schema ? '      - DATABASE_USER=irp\n      - DATABASE_PASSWORD=irp-dev\n' : ''}      - NATS_PASSWORD=${s.name}-nats-dev
`;
}

module.exports = { composeBuildAnchor, composeBlocks, devSecretGenerator };
