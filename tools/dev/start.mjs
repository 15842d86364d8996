// `npm start`: makes a bare Debian/Ubuntu machine with Node and npm ready, builds, and hands over to
// the launcher (tools/launcher). Plain JavaScript with no dependencies: it runs before `npm install`,
// possibly on an older system Node, and re-runs the launcher on the project's own Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
};

function installNpmPackages() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('installing npm packages ...');
  // Not `npm ci`: the lockfile names optional binaries of other platforms that this registry may lack.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

function findNatsServer() {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, 'nats-server')).find((file) => existsSync(file));
}

function installNatsServer() {
  if (findNatsServer()) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(
      'nats-server is missing. Install it, then run `npm start` again:\n' +
        '  sudo apt-get install -y nats-server        (Debian/Ubuntu)\n' +
        '  or put a nats-server binary (https://github.com/nats-io/nats-server/releases) on your PATH.',
    );
    process.exit(1);
  }
  console.log('installing nats-server (apt-get) ...');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'nats-server'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const node = path.join(root, 'node_modules', '.bin', 'node');
// DEV_SKIP_BUILD=1: dist/ is already built (the launcher's own tests build it first).
if (process.env.DEV_SKIP_BUILD !== '1') {
  installNpmPackages();
  installNatsServer();
  console.log('building ...');
  run(node, [path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run-many', '-t', 'build', '--outputStyle=static']);
}
// fd 3 is the launcher's lifeline: it closes when we die, however we die, and the launcher stops.
const launcher = spawn(node, ['--enable-source-maps', path.join(root, 'dist', 'tools', 'launcher', 'src', 'main.js')], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  env: { ...process.env, LAUNCHER_LIFELINE_FD: '3' },
});
// A Ctrl-C reaches the launcher from the terminal too, but a process manager signals only us: pass
// SIGINT and SIGTERM on (the launcher stops services, NATS and PostgreSQL once, however often asked).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => launcher.kill(signal));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
