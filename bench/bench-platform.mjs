// What every benchmark starts from: its own PostgreSQL and NATS in a temp dir, and the options
// (as `npm start` uses them) that migrate and start the built services against them.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '..');
export const infra = require(path.join(root, 'dist/libs/embedded-infra/src/index.js'));

/** `env` and `serviceEnv` add to the services' environment; `dispose()` stops the servers and removes the dir. */
export async function startBenchInfrastructure({ env = {}, serviceEnv = {} } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'irp-bench-'));
  await chmod(dir, 0o755);
  const postgres = await infra.EmbeddedPostgres.start({ dataDir: path.join(dir, 'pg'), password: 'bench', logFile: path.join(dir, 'pg.log') });
  const nats = await infra.LocalNatsServer.start({ dataDir: path.join(dir, 'nats') });
  const signingKey = infra.generateSigningKey();
  const options = {
    root,
    databaseUrl: postgres.url(),
    natsUrl: nats.url,
    secrets: { jwtPrivateKey: signingKey },
    ports: 'random',
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'production', OPS_HOST: '127.0.0.1', HOST: '127.0.0.1', ...env },
    serviceEnv,
  };
  return {
    postgres,
    nats,
    signingKey,
    options,
    async dispose() {
      await nats.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Registers an account through the gateway and logs in: the account and its access token. */
export async function signUp(api, email = 'bench@example.com') {
  const credentials = { email, password: 'a long bench password' };
  const post = (route) => fetch(`${api}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) }).then((r) => r.json());
  const user = await post('/auth/register');
  const { accessToken } = await post('/auth/login');
  return { user, accessToken };
}
