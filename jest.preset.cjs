// Shared jest configuration: SWC transform (decorators + metadata, @irp/* aliases, as the build)
// and a PostgreSQL server for the run (libs/testing global setup).
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

// The aliases are rewritten to relative paths by SWC, as in the build, so that files jest loads
// outside its module registry (global setup) resolve them too.
const transformOptions = { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths } };

/** @param {string} projectDir  @param {{ database?: boolean }} options */
module.exports = function preset(projectDir, options = {}) {
  const database = options.database ?? true;
  return {
    displayName: path.relative(root, projectDir),
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', transformOptions] },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    setupFiles: [path.join(root, 'libs/testing/src/jest/setup-env.ts')],
    ...(database && {
      globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.ts'),
      globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.ts'),
    }),
    testTimeout: 60_000,
    // Jest runs in band on 2 cores, and then waits forever on a handle a failed test left open (a
    // socket, a timer): the run ends once the tests have. Servers the tests started go with it
    // (libs/embedded-infra's guardian sees its parent's pipe close).
    forceExit: true,
  };
};
