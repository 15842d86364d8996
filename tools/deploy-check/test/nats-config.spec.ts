import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@irp/service-registry';
import { ROOT } from '../src';

// The NATS configurations of compose (one server) and of the dev cluster (three, routed), checked
// by nats-server itself (`-t`: parse and validate, then exit), with the services' passwords in
// the environment as the containers get them.
const natsServer = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server'].find((bin) => bin && existsSync(bin)) ?? 'nats-server';
const passwords = Object.fromEntries(SERVICES.map((s) => [`${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_NATS_PASSWORD`, `${s.name}-password`]));

function check(config: string, env: Record<string, string>) {
  const result = spawnSync(natsServer, ['-t', '-c', path.join(ROOT, config)], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe.each(['deploy/nats/nats.conf', 'k8s/overlays/dev/nats.conf'])('%s', (config) => {
  it('is valid for nats-server with every registered service\'s password set', () => {
    expect(check(config, { ...passwords, POD_NAME: 'nats-0' })).toEqual({ status: 0, output: `nats-server: configuration file ${path.join(ROOT, config)} is valid` });
  });

  it('is refused while a service\'s password is missing', () => {
    const { TAX_NATS_PASSWORD: _missing, ...others } = passwords;
    const result = check(config, { ...others, POD_NAME: 'nats-0' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("variable reference for 'TAX_NATS_PASSWORD'");
  });
});
