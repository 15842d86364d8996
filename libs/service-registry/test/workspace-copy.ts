import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const WORKSPACE = path.resolve(__dirname, '../../..');

/** Everything the registry tool reads or writes. */
const FILES = [
  'libs/service-registry/src/services.json',
  'libs/service-registry/src/service-names.ts',
  'deploy/prometheus/prometheus.yml',
  'deploy/prometheus/postgres-exporter-queries.yaml',
  'apps/e2e/project.json',
  'tools/launcher/project.json',
  'tools/cluster/project.json',
  'docker-compose.yml',
  'k8s',
];

/** A throwaway copy of the workspace's registry and deployment files, to break and repair. */
export class WorkspaceCopy {
  readonly root = mkdtempSync(path.join(tmpdir(), 'irp-registry-'));

  constructor() {
    for (const file of FILES) cpSync(path.join(WORKSPACE, file), path.join(this.root, file), { recursive: true });
  }

  read(file: string): string {
    return readFileSync(path.join(this.root, file), 'utf8');
  }

  write(file: string, content: string): void {
    writeFileSync(path.join(this.root, file), content);
  }

  edit(file: string, change: (text: string) => string): void {
    const before = this.read(file);
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    this.write(file, after);
  }

  exists(file: string): boolean {
    return existsSync(path.join(this.root, file));
  }

  mkdir(dir: string): void {
    mkdirSync(path.join(this.root, dir), { recursive: true });
  }

  editJson<T>(file: string, change: (value: T) => void): void {
    const value = JSON.parse(this.read(file)) as T;
    change(value);
    this.write(file, `${JSON.stringify(value, null, 2)}\n`);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
