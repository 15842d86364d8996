import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import type { K8sObject } from './k8s-types';

export const ROOT = path.resolve(__dirname, '../../..');

/** kubectl, from KUBECTL or the PATH (.ci/run installs the Debian package when it is missing). */
const kubectl = () => process.env.KUBECTL ?? 'kubectl';

interface Generator {
  files?: string[];
  envs?: string[];
}

/**
 * Files an overlay's generators read that are gitignored on purpose (the dev signing key) and so
 * are absent from a fresh checkout: the copy gets a placeholder in their place.
 */
function missingGeneratorFiles(overlayDir: string): string[] {
  const kustomization = yaml.load(readFileSync(path.join(overlayDir, 'kustomization.yaml'), 'utf8')) as {
    configMapGenerator?: Generator[];
    secretGenerator?: Generator[];
  };
  const generators = [...(kustomization.configMapGenerator ?? []), ...(kustomization.secretGenerator ?? [])];
  return generators
    .flatMap((g) => [...(g.files ?? []), ...(g.envs ?? [])])
    .map((source) => source.slice(source.indexOf('=') + 1))
    .filter((file) => !existsSync(path.join(overlayDir, file)));
}

function kustomize(dir: string): string {
  try {
    return execFileSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error(`${kubectl()} not found: install kubectl (Debian/Ubuntu: apt-get install kubectl) or set KUBECTL`, { cause: error });
    throw new Error(`kubectl kustomize ${path.basename(dir)} failed: ${stderr?.trim() ?? String(error)}`, { cause: error });
  }
}

/** `kubectl kustomize k8s/overlays/<overlay>`, parsed: every object the overlay would apply. */
export function renderOverlay(overlay: string, k8sDir = path.join(ROOT, 'k8s')): K8sObject[] {
  const work = mkdtempSync(path.join(tmpdir(), 'deploy-check-'));
  try {
    cpSync(k8sDir, path.join(work, 'k8s'), { recursive: true });
    const overlayDir = path.join(work, 'k8s', 'overlays', overlay);
    for (const file of missingGeneratorFiles(overlayDir)) {
      mkdirSync(path.dirname(path.join(overlayDir, file)), { recursive: true });
      writeFileSync(path.join(overlayDir, file), 'placeholder written by tools/deploy-check\n');
    }
    const rendered = kustomize(overlayDir);
    return yaml.loadAll(rendered).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The overlays under k8s/overlays. */
export function overlays(k8sDir = path.join(ROOT, 'k8s')): string[] {
  const dir = path.join(k8sDir, 'overlays');
  return readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'kustomization.yaml')));
}
