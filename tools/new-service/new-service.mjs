#!/usr/bin/env node
// `npm run new:service -- <name> [--schema <schema>]`: writes a new service on the platform kit
// (apps/<name>: service definition, config, first migration, health test; its contracts file and
// stream), registers it in the service registry and syncs compose, k8s, Prometheus and the lists
// from there. `--remove <name>` undoes exactly that (the throwaway round trip in CI uses it).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addService, removeService } from '../registry/sync.mjs';
import { names, registrations, serviceFiles } from './templates.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function insertLine(file, anchor, line) {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(anchor)) throw new Error(`${file}: cannot find "${anchor}" to register the service`);
  writeFileSync(full, text.replace(anchor, `${line}\n${anchor}`));
}

function removeLine(file, line) {
  const full = path.join(root, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(`${line}\n`, ''));
}

/** MikroORM's schema snapshot after the first migration: the inbox and outbox tables in the new schema. */
function snapshot(schema) {
  const tables = JSON.parse(readFileSync(path.join(import.meta.dirname, 'messaging-tables.snapshot.json'), 'utf8').replaceAll('__SCHEMA__', schema));
  return `${JSON.stringify({ name: schema, namespaces: [schema], tables, views: [], nativeEnums: {} }, null, 2)}\n`;
}

function migrationId(now = new Date()) {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function generateService(name, { schema = name.replace(/-/g, '_') } = {}) {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a service name: lower-case words joined by "-", e.g. budgets or mail-ingest`);
  if (!/^[a-z][a-z0-9_]*$/.test(schema)) throw new Error(`"${schema}" is not a schema name`);
  if (existsSync(path.join(root, 'apps', name))) throw new Error(`apps/${name} exists already`);
  const n = names(name, schema);
  const files = { ...serviceFiles(n, migrationId()), [`apps/${name}/src/migrations/.snapshot.json`]: snapshot(schema) };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  for (const [file, anchor, line] of registrations(n)) insertLine(file, anchor, line);
  const { written, errors } = addService(root, { name, schema, streams: [n.stream] });
  return { files: [...Object.keys(files), ...registrations(n).map(([file]) => file), ...written], errors };
}

export function removeGeneratedService(name) {
  const n = names(name, '');
  rmSync(path.join(root, 'apps', name), { recursive: true, force: true });
  rmSync(path.join(root, 'libs', 'contracts', 'src', name), { recursive: true, force: true });
  for (const [file, , line] of registrations(n)) removeLine(file, line);
  return removeService(root, name);
}

function main() {
  const args = process.argv.slice(2);
  const remove = args[0] === '--remove';
  const name = remove ? args[1] : args[0];
  const schemaAt = args.indexOf('--schema');
  if (!name) {
    console.error('usage: npm run new:service -- <name> [--schema <schema>]   |   npm run new:service -- --remove <name>');
    process.exit(2);
  }
  try {
    if (remove) {
      const { errors } = removeGeneratedService(name);
      console.log(`removed ${name}${errors.length ? `; left to fix: ${errors.join('; ')}` : ''}`);
      return;
    }
    const { files, errors } = generateService(name, schemaAt > 0 ? { schema: args[schemaAt + 1] } : {});
    for (const file of new Set(files)) console.log(`wrote ${file}`);
    for (const error of errors) console.error(`error: ${error}`);
    console.log(`\n${name} is registered. Next: its features in apps/${name}/src/<feature>/, its subjects in libs/contracts/src/${name}/${name}.contracts.ts,`);
    console.log(`its gateway routes (by hand), its <NAME>_NATS_PASSWORD in the nats service of docker-compose.yml and k8s/overlays/dev/nats.yaml,`);
    console.log(`then \`npm run nats:authorization && npm run lint && npm run build && npx nx run ${name}:test\`.`);
    process.exitCode = errors.length ? 1 : 0;
  } catch (error) {
    console.error(`new:service: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
