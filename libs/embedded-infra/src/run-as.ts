import { chown, readFile } from 'node:fs/promises';

export interface Credentials {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root, servers run as `nobody` instead;
 * otherwise they run as we do.
 */
export async function unprivilegedUser(): Promise<Credentials | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const entry = passwd.split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

export async function handOver(path: string, user: Credentials | undefined): Promise<void> {
  if (user) await chown(path, user.uid, user.gid);
}
