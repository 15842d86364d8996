import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const committed = path.join(__dirname, 'generated');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

describe('libs/sdk', () => {
  it('is what `npm run sdk` generates from apps/gateway/openapi.json (run it after changing the API)', () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'sdk-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules/@hey-api/openapi-ts/bin/run.js'), '-f', 'libs/sdk/openapi-ts.config.mjs'], {
        cwd: root,
        env: { ...process.env, SDK_OUTPUT: fresh },
        stdio: 'pipe',
      });
      expect(filesUnder(fresh)).toEqual(filesUnder(committed));
      for (const file of filesUnder(fresh)) {
        expect({ file, text: readFileSync(path.join(committed, file), 'utf8') }).toEqual({ file, text: readFileSync(path.join(fresh, file), 'utf8') });
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
