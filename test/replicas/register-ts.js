'use strict';
// `node -r ./test/replicas/register-ts.js services/<name>/src/index.ts` runs a service straight
// from its TypeScript sources, as its own OS process, with no build: the same idea as jest's
// ts-jest transform and moduleNameMapper (workspace packages resolve to their src/), done with
// the TypeScript compiler the repository already pins. Transpile only: `npm run typecheck`
// is where types are checked.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');
const SERVICES = new Set(['registry', 'social-orgs', 'activities', 'resident-services', 'credits']);
const PACKAGES = { '@sanshe/service-kit': 'packages/service-kit/src/index.ts', '@sanshe/seed-fixtures': 'packages/seed-fixtures/src/index.ts' };

function mapped(request) {
  if (PACKAGES[request]) return path.join(ROOT, PACKAGES[request]);
  const match = /^@sanshe\/([a-z-]+)\/(.+)$/.exec(request);
  if (match && SERVICES.has(match[1])) return path.join(ROOT, 'services', match[1], 'src', match[2]);
  if (match && match[1] === 'gateway') return path.join(ROOT, 'gateway', 'src', match[2]);
  return null;
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveSansheSource(request, parent, ...rest) {
  return resolve.call(this, mapped(request) ?? request, parent, ...rest);
};

const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false, inlineSourceMap: true, isolatedModules: true };
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
