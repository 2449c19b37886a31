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
// jest.config.js's moduleNameMapper, read from there so the two cannot drift apart.
const MAPPINGS = Object.entries(require(path.join(ROOT, 'jest.config.js')).moduleNameMapper).map(([pattern, target]) => [
  new RegExp(pattern),
  target.replace('<rootDir>/', ''),
]);

function mapped(request) {
  for (const [pattern, target] of MAPPINGS) if (pattern.test(request)) return path.join(ROOT, request.replace(pattern, target));
  return null;
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveSansheSource(request, parent, ...rest) {
  return resolve.call(this, mapped(request) ?? request, parent, ...rest);
};

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
  isolatedModules: true,
};
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
