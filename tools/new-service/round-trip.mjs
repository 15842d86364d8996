#!/usr/bin/env node
// CI's proof that a generated service needs no hand edits: generate a throwaway service, then lint,
// type-check, build, run its test, start the whole platform with it (embedded PostgreSQL and NATS,
// random ports) and wait until it is ready; finally remove it, leaving the tree as it was.
//   node tools/new-service/round-trip.mjs        (after npm install; run through `npm run` for Node 24)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generateService, removeGeneratedService } from './new-service.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const NAME = 'zz-round-trip';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };

function run(title, command, args) {
  console.log(`\n--- ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

async function startPlatformWithIt() {
  const require = createRequire(path.join(root, 'package.json'));
  const { startPostgresServer, startTestPlatform, TEST_POSTGRES_ENV } = require(path.join(root, 'dist/libs/testing/src/index.js'));
  const postgres = await startPostgresServer();
  process.env[TEST_POSTGRES_ENV] = postgres.url;
  const platform = await startTestPlatform().catch(async (error) => {
    await postgres.dispose();
    throw error;
  });
  try {
    const ready = await fetch(`${platform.services[NAME].opsUrl}/health/ready`);
    if (ready.status !== 200) throw new Error(`${NAME} answers /health/ready with ${ready.status}`);
    console.log(`\n--- platform: ${Object.keys(platform.services).join(', ')} running; ${NAME} ready`);
  } finally {
    await platform.close();
    await postgres.dispose();
  }
}

async function main() {
  const { errors } = generateService(NAME);
  try {
    if (errors.length) throw new Error(`registration left problems: ${errors.join('; ')}`);
    run('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '-p', NAME, 'contracts', 'service-registry', '--outputStyle=static']);
    run('registry check', 'node', ['tools/registry/sync.mjs', '--check']);
    run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
    run('build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']);
    run('test', 'npx', ['nx', 'run', `${NAME}:test`, '--outputStyle=static']);
    await startPlatformWithIt();
    console.log(`\nround trip: ${NAME} generated, linted, built, tested and started with no hand edits`);
  } finally {
    removeGeneratedService(NAME);
    rmSync(path.join(root, 'dist', 'apps', NAME), { recursive: true, force: true });
    console.log(`removed ${NAME}`);
  }
}

main().catch((error) => {
  console.error(`round trip: ${error.message}`);
  process.exitCode = 1;
});
