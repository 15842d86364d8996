// Runs a TypeScript file in a plain Node process, compiled like the build (SWC, @irp/* aliases).
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const options = { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths } };

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
require(process.argv[2]);
