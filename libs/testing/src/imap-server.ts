import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort, GuardedProcess, isPortOpen, waitFor } from '@irp/embedded-infra';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/bin/dovecot'];

/** A real IMAP server for tests: Debian's dovecot-imapd, plain text on 127.0.0.1, users added by the test. */
export interface TestImapServer {
  readonly host: string;
  readonly port: number;
  /** Adds (or changes the password of) a user with an empty INBOX. */
  addUser(name: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

interface RunAs {
  user: string;
  group: string;
  uid?: number;
  gid?: number;
}

/** Root hands the server to `nobody`; anyone else runs it as themselves (dovecot runs unprivileged either way). */
function runAs(): RunAs {
  const me = userInfo();
  if (me.uid !== 0) return { user: me.username, group: execFileSync('id', ['-gn']).toString().trim() };
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString());
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString());
  return { user: 'nobody', group: execFileSync('id', ['-gn', 'nobody']).toString().trim(), uid, gid };
}

function config(dir: string, port: number, owner: RunAs): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${owner.user}
default_internal_group = ${owner.group}
default_login_user = ${owner.user}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner.user} gid=${owner.group} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
}

export async function startImapServer(): Promise<TestImapServer> {
  const binary = DOVECOT.find((candidate) => existsSync(candidate));
  if (!binary) throw new Error('dovecot is not installed: apt-get install dovecot-imapd (the IMAP tests need a real server)');
  const owner = runAs();
  const dir = await mkdtemp(path.join(tmpdir(), 'irp-imap-'));
  const port = await freePort();
  const users = new Map<string, string>();
  for (const sub of ['run', 'state', 'home']) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, 'dovecot.conf'), config(dir, port, owner));
  await writeFile(path.join(dir, 'passwd'), '');
  if (owner.uid !== undefined && owner.gid !== undefined) {
    for (const entry of ['', 'run', 'state', 'home', 'dovecot.conf', 'passwd']) await chown(path.join(dir, entry), owner.uid, owner.gid);
  }
  const server = GuardedProcess.spawn({ command: binary, args: ['-F', '-c', path.join(dir, 'dovecot.conf')], uid: owner.uid, gid: owner.gid, stopSignal: 'SIGTERM' });
  await waitFor(`dovecot on port ${port}`, async () => {
    if (!server.running) throw new Error(`dovecot exited at start; see ${dir}/dovecot.log`);
    return isPortOpen(port);
  });
  return {
    host: '127.0.0.1',
    port,
    async addUser(name, password) {
      users.set(name, password);
      const file = path.join(dir, 'passwd');
      await writeFile(file, [...users].map(([user, secret]) => `${user}:{PLAIN}${secret}\n`).join(''));
      if (owner.uid !== undefined && owner.gid !== undefined) await chown(file, owner.uid, owner.gid);
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
