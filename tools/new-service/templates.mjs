// The files of a new service, written by new-service.mjs. Each is the smallest that builds, lints,
// migrates, starts and answers its health checks on the shared platform (libs/platform).

export function names(name, schema) {
  const pascal = name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
  const constant = name.replace(/-/g, '_').toUpperCase();
  return { name, schema, pascal, constant, stream: constant };
}

export function serviceFiles(n, migrationId) {
  return {
    [`apps/${n.name}/project.json`]: `${JSON.stringify(
      {
        $schema: '../../node_modules/nx/schemas/project-schema.json',
        name: n.name,
        sourceRoot: `apps/${n.name}/src`,
        projectType: 'application',
        tags: [`scope:${n.name}`, 'type:app'],
        targets: {
          build: { command: `node tools/build/build.mjs apps/${n.name}` },
          serve: { command: `node --enable-source-maps dist/apps/${n.name}/src/main.js`, dependsOn: ['build'] },
          migrate: { command: `node dist/apps/${n.name}/src/migrate.js {args.command}`, options: { command: 'up' } },
          lint: { command: `eslint apps/${n.name}` },
          test: { command: `node --experimental-vm-modules node_modules/jest/bin/jest.js -c apps/${n.name}/jest.config.cjs` },
        },
      },
      null,
      2,
    )}\n`,
    [`apps/${n.name}/jest.config.cjs`]: `module.exports = require('../../jest.preset.cjs')(__dirname);\n`,
    [`apps/${n.name}/src/instrument.ts`]: `import { startTelemetry } from '@irp/observability';\n\nstartTelemetry({ serviceName: '${n.name}' });\n`,
    [`apps/${n.name}/src/main.ts`]: `import './instrument';
import { runService } from '@irp/platform';
import { ${n.constant}_SERVICE } from './service';

runService(${n.constant}_SERVICE);
`,
    [`apps/${n.name}/src/migrate.ts`]: `import { runServiceMigrations } from '@irp/platform';
import { ${n.constant}_SERVICE } from './service';

runServiceMigrations(${n.constant}_SERVICE);
`,
    [`apps/${n.name}/src/service.ts`]: `import { ${n.constant}_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { ${n.constant}_CONFIG, load${n.pascal}Config } from './config/env';
import { ${n.constant}_MIGRATIONS } from './migrations';

/** The ${n.name} service. Its features go into \`features\`, their entities into \`entities\`. */
export const ${n.constant}_SERVICE = defineService({
  name: '${n.name}',
  schema: '${n.schema}',
  loadConfig: load${n.pascal}Config,
  configToken: ${n.constant}_CONFIG,
  entities: [],
  migrations: ${n.constant}_MIGRATIONS,
  streams: ${n.constant}_CONTRACTS.streams,
  features: [],
});
`,
    [`apps/${n.name}/src/config/env.ts`]: `import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class ${n.pascal}Env extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('${n.name}').opsPort;
}

export type ${n.pascal}Config = DatabaseServiceConfig;

export function load${n.pascal}Config(env: NodeJS.ProcessEnv): ${n.pascal}Config {
  return databaseServiceConfig(loadEnv(${n.pascal}Env, env));
}

export const ${n.constant}_CONFIG = Symbol('${n.constant}_CONFIG');
`,
    [`apps/${n.name}/src/migrations/index.ts`]: `import { Migration${migrationId} } from './Migration${migrationId}';

/** Every migration of the ${n.schema} schema, oldest first. Add new ones here after \`migrate create\`. */
export const ${n.constant}_MIGRATIONS = [Migration${migrationId}];
`,
    [`apps/${n.name}/src/migrations/Migration${migrationId}.ts`]: `import { Migration } from '@mikro-orm/migrations';
import { messagingTables } from '@irp/messaging';

/** The ${n.schema} schema with its inbox, outbox and outbox trigger. */
export class Migration${migrationId} extends Migration {
  override name = 'Migration${migrationId}';

  override up(): void {
    this.addSql(\`create schema if not exists "${n.schema}";\`);
    for (const sql of messagingTables('${n.schema}').up) this.addSql(sql);
  }

  override down(): void {
    // The schema stays: it holds the migrations table.
    for (const sql of messagingTables('${n.schema}').down) this.addSql(sql);
  }
}
`,
    [`apps/${n.name}/test/health.spec.ts`]: `import type { INestMicroservice } from '@nestjs/common';
import { OpsServer } from '@irp/observability';
import { migrate } from '@irp/persistence';
import { bootstrapService, serviceOrmOptions } from '@irp/platform';
import { startServiceInProcess, type InProcessService } from '@irp/testing';
import { ${n.constant}_MIGRATIONS } from '../src/migrations';
import { ${n.constant}_SERVICE } from '../src/service';

describe('${n.name}', () => {
  let service: InProcessService<INestMicroservice>;

  beforeAll(async () => {
    service = await startServiceInProcess({
      migrate: (url) => migrate(serviceOrmOptions(${n.constant}_SERVICE, { url }), 'up'),
      create: (env) => bootstrapService(${n.constant}_SERVICE, env),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is live and ready on its real PostgreSQL and NATS', async () => {
    const opsUrl = service.app.get(OpsServer).url;
    expect((await fetch(\`\${opsUrl}/health/live\`)).status).toBe(200);
    expect((await fetch(\`\${opsUrl}/health/ready\`)).status).toBe(200);
  });

  it('has migrations that cover its entities', async () => {
    const config = serviceOrmOptions(${n.constant}_SERVICE, { url: service.infra.database.url });
    expect(await migrate(config, 'pending')).toEqual([]);
    expect(await migrate(config, 'check')).toEqual([]);
    expect(${n.constant}_MIGRATIONS).toHaveLength(1);
  });
});
`,
    [`libs/contracts/src/${n.name}/${n.name}.contracts.ts`]: `import { defineContracts } from '../contract-kit';
import { STREAMS } from '../events';

/**
 * What the ${n.name} service serves and publishes on the bus: \`rpc('${n.name}.<entity>.<verb>.v1', Request, Response, summary)\`
 * and \`event('${n.name}.events.<entity>.<past-tense>.v1', STREAMS.${n.stream}, Payload, summary)\`.
 */
export const ${n.constant}_CONTRACTS = defineContracts({
  service: '${n.name}',
  streams: [STREAMS.${n.stream}],
  rpc: {},
  events: {},
});
`,
  };
}

/** Line insertions into shared files: [file, anchor line (inserted before), line]. */
export function registrations(n) {
  return [
    ['libs/contracts/src/events.ts', '} as const satisfies Record<string, StreamDefinition>;', `  ${n.stream}: { name: '${n.stream}', subjects: ['${n.name}.events.>'], retention: 'limits' },`],
    ['libs/contracts/src/subjects.ts', '] as const;', `  ${n.constant}_CONTRACTS,`],
    ['libs/contracts/src/subjects.ts', "import { subjectsOf, type EventMapOf, type RpcMapOf } from './contract-kit';", `import { ${n.constant}_CONTRACTS } from './${n.name}/${n.name}.contracts';`],
    ['libs/contracts/src/index.ts', "export * from './contract-kit';", `export { ${n.constant}_CONTRACTS } from './${n.name}/${n.name}.contracts';`],
  ];
}
