'use strict';
/**
 * Lets the bench's plain-Node processes load the workspaces' TypeScript sources, the way
 * jest does (jest.config.js maps @sanshe/* to src/ and transpiles only): a benchmark of
 * the code as it is in the tree, with no build step whose output could be stale.
 *
 * Transpiled files are cached under .cache/bench-ts, keyed by the source's content hash,
 * so a second start costs a few file reads instead of a TypeScript run per module.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(root, '.cache', 'bench-ts');

/** jest.config.js's moduleNameMapper, read from there so the two cannot drift apart. */
const MAPPINGS = Object.entries(require(path.join(root, 'jest.config.js')).moduleNameMapper).map(([pattern, target]) => [
  new RegExp(pattern),
  target.replace('<rootDir>/', ''),
]);

let ts;
function typescript() {
  ts ??= require('typescript');
  return ts;
}

function compile(source, filename) {
  const hash = crypto.createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${hash}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const { outputText } = typescript().transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: typescript().ModuleKind.CommonJS,
      target: typescript().ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
      isolatedModules: true,
    },
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, outputText);
  fs.renameSync(tmp, cached);
  return outputText;
}

let registered = false;
function register() {
  if (registered) return;
  registered = true;
  // Production runs compiled JavaScript without source maps, so the bench does too: with them on,
  // every stack trace a library formats (mongoose, graphql, errors) costs a source-map lookup that
  // production never pays. BENCH_SOURCE_MAPS=1 turns them on to read a target's stack traces.
  if (process.env.BENCH_SOURCE_MAPS === '1') process.setSourceMapsEnabled?.(true);
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveSanshe(request, parent, ...rest) {
    if (request.startsWith('@sanshe/')) {
      for (const [pattern, target] of MAPPINGS) {
        if (pattern.test(request)) return resolve.call(this, path.join(root, request.replace(pattern, target)), parent, ...rest);
      }
    }
    return resolve.call(this, request, parent, ...rest);
  };
  Module._extensions['.ts'] = function loadTs(module, filename) {
    module._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
}

register();

module.exports = { register, root };
