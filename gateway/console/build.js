#!/usr/bin/env node
'use strict';
// Bundles the admin console (React, GraphiQL, the explorer plugin, the example operations)
// into gateway/dist/console/console.{js,css} with esbuild, for the gateway to serve itself.
// `npm run build` runs it; the jest global setup runs ensureConsoleBuilt() when the bundle is missing.
const fs = require('node:fs');
const path = require('node:path');

const OUT_DIR = path.join(__dirname, '..', 'dist', 'console');

async function buildConsole() {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: { console: path.join(__dirname, 'src', 'main.jsx') },
    outdir: OUT_DIR,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    loader: { '.graphql': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return OUT_DIR;
}

/** Newest modification time of the console's sources, to tell a stale bundle from a fresh one. */
function newestSource(dir = __dirname) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the bundle when it is missing or older than its sources. */
async function ensureConsoleBuilt() {
  const bundle = path.join(OUT_DIR, 'console.js');
  const built = fs.existsSync(bundle) && fs.existsSync(path.join(OUT_DIR, 'console.css')) ? fs.statSync(bundle).mtimeMs : 0;
  if (built >= newestSource()) return OUT_DIR;
  return buildConsole();
}

module.exports = { OUT_DIR, buildConsole, ensureConsoleBuilt };

if (require.main === module) {
  buildConsole().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
