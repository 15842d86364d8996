'use strict';
// docker-compose.yml against the registry. Its service blocks are hand-tuned (comments, extra
// variables), so they are written once from a template when a service is registered and checked
// ever after: names, image, build arg, ops port, published port, required variables, migration.
const { composeBlocks, composeBuildAnchor } = require('./templates/compose.cjs');

const FILE = 'docker-compose.yml';

/** The registered service a compose block runs (its build arg or image), if any. */
function serviceRun(block) {
  return block?.build?.args?.SERVICE ?? /^irp\/([a-z0-9-]+):/.exec(block?.image ?? '')?.[1];
}

function checkService(s, services) {
  const errors = [];
  const block = services[s.name];
  const at = `${FILE}: ${s.name}`;
  if (!block) return [`${FILE}: no service block for registered service ${s.name} (npm run registry:sync writes one)`];
  if (serviceRun(block) !== s.name) errors.push(`${at}: runs image/build of ${serviceRun(block)}, expected irp/${s.name}`);
  const env = block.environment ?? {};
  if (String(env.OPS_PORT) !== String(s.opsPort)) errors.push(`${at}: OPS_PORT is ${env.OPS_PORT}, the registry says ${s.opsPort}`);
  if (!(block.ports ?? []).some((p) => String(p).endsWith(`:${s.opsPort}:${s.opsPort}`))) errors.push(`${at}: does not publish its ops port ${s.opsPort}`);
  for (const variable of s.env.filter((e) => !e.optional)) {
    if (!(variable.name in env)) errors.push(`${at}: environment lacks ${variable.name}, which the registry lists as required`);
  }
  const migrate = services[`${s.name}-migrate`];
  if (s.schema && !migrate) errors.push(`${FILE}: no ${s.name}-migrate block, though ${s.name} owns schema ${s.schema}`);
  if (s.schema && migrate && !JSON.stringify(migrate.command ?? '').includes(`dist/apps/${s.name}/src/migrate.js`)) errors.push(`${FILE}: ${s.name}-migrate does not run ${s.name}'s migrate.js`);
  if (s.schema && migrate && !(`${s.name}-migrate` in (block.depends_on ?? {}))) errors.push(`${at}: does not depend on ${s.name}-migrate`);
  if (!s.schema && migrate) errors.push(`${FILE}: ${s.name}-migrate exists, but ${s.name} owns no schema`);
  return errors;
}

/** Problems of the parsed compose file against the registry. */
function checkCompose(compose, registry) {
  const services = compose?.services ?? {};
  const registered = new Set(registry.services.map((s) => s.name));
  const errors = registry.services.flatMap((s) => checkService(s, services));
  for (const [name, block] of Object.entries(services)) {
    const runs = serviceRun(block);
    if (runs && !registered.has(runs)) errors.push(`${FILE}: ${name} runs ${runs}, which is not a registered service`);
    else if (!runs && (registered.has(name) || registered.has(name.replace(/-migrate$/, '')))) errors.push(`${FILE}: ${name} builds no irp image`);
  }
  return errors;
}

/** The compose text with blocks (and a build anchor) added for registered services it lacks. */
function scaffoldCompose(text, compose, registry) {
  const missing = registry.services.filter((s) => !compose?.services?.[s.name] && !compose?.services?.[`${s.name}-migrate`]);
  let out = text;
  for (const s of missing) {
    if (!out.includes(`x-${s.name}-build:`)) out = insertBefore(out, /^services:\n/m, `${composeBuildAnchor(s)}\n`);
    out = insertBefore(out, /^volumes:\n/m, `${composeBlocks(s)}\n`);
  }
  return out;
}

function insertBefore(text, marker, addition) {
  const match = marker.exec(text);
  if (!match) throw new Error(`${FILE}: no ${marker.source.replace(/[\\^$n]/g, '')} section to add a service to`);
  return text.slice(0, match.index) + addition + text.slice(match.index);
}

module.exports = { COMPOSE_FILE: FILE, checkCompose, scaffoldCompose };
