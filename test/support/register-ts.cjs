// Lets plain `node` run the TypeScript sources, compiled by swc as under Jest: the tests that need a real process
// (the cluster's primary and its workers) spawn `node -r test/support/register-ts.cjs src/main.ts`.
const Module = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const swcrc = JSON.parse(readFileSync(resolve(__dirname, '../../.swcrc'), 'utf8'));

// NodeNext-style relative imports end in .js (src/metadata.ts); their source is the .ts file beside.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (parent?.filename && /^\.{1,2}\//.test(request) && request.endsWith('.js')) {
    const source = resolve(dirname(parent.filename), `${request.slice(0, -3)}.ts`);
    if (existsSync(source)) return source;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
