'use strict';
// Builds the portal with Vite into dist/ when the build is missing or older than its sources,
// so tests (and `npm start`) pay for a build once. `npm run build` always builds.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const APP_DIR = __dirname;
const OUT_DIR = path.join(APP_DIR, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.mts', 'package.json'];

function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

function buildPortal() {
  // Vite's own command line (its package exports hide bin/, so it is found beside package.json).
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [APP_DIR] })), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  return OUT_DIR;
}

function ensurePortalBuilt() {
  const index = path.join(OUT_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map((s) => newest(path.join(APP_DIR, s))))) return OUT_DIR;
  return buildPortal();
}

module.exports = { OUT_DIR, buildPortal, ensurePortalBuilt };
