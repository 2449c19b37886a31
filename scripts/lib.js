'use strict';
// Small helpers shared by the root scripts (start, seed).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Subgraphs in dependency order: each may rely on the ids the ones before it seeded. */
const SERVICE_ORDER = ['registry', 'social-orgs', 'activities', 'resident-services', 'credits'];

const present = (name) => fs.existsSync(path.join(root, 'services', name, 'package.json'));
const services = () => SERVICE_ORDER.filter(present);

function build() {
  const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

/** Runs a node script and resolves with its exit code, streaming output with a prefix. */
function runNode(script, args, env, prefix) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream, out) => {
      let buffered = '';
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop();
        for (const line of lines) out.write(`${prefix}${line}\n`);
      });
    };
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

module.exports = { root, SERVICE_ORDER, services, build, runNode };
