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

/** Builds every workspace; turbo's output is shown only when the build fails, since it says why. */
function build() {
  const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error('the build failed (its output is above); fix it and run the command again');
  }
}

/** The database a service uses; SANSHE_DB_PREFIX keeps a second local stack (a test) apart from the first. */
function databaseFor(name, env = process.env) {
  return `${env.SANSHE_DB_PREFIX ?? ''}sanshe_${name.replaceAll('-', '_')}`;
}

/** Runs a node script and resolves with its exit code; `onLine(line, stream)` gets each line it prints. */
function runNode(script, args, env, onLine) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream, name) => {
      let buffered = '';
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop();
        for (const line of lines) onLine(line, name);
      });
      stream.on('end', () => {
        if (buffered) onLine(buffered, name);
      });
    };
    forward(child.stdout, 'stdout');
    forward(child.stderr, 'stderr');
    child.on('close', (code) => resolve(code ?? 1));
  });
}

module.exports = { root, SERVICE_ORDER, services, build, databaseFor, runNode };
