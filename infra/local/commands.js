'use strict';
// Running the installers (mvn, go, java, docker) to completion, as opposed to process.js,
// which starts the long-lived services.

const { spawn, spawnSync } = require('node:child_process');
const { ROOT } = require('./paths.js');
const { InfraError } = require('./errors.js');

/**
 * Run a command to completion; resolve {code, stdout, stderr}; reject (InfraError) on spawn error
 * or non-zero exit unless opts.allowFail. opts.showOutput puts the command's last output lines
 * into the message too, for installers whose failure the user has to read to fix.
 *
 * @param {{cwd?: string, env?: object, what?: string, allowFail?: boolean, showOutput?: boolean}} [opts]
 */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: opts.cwd || ROOT,
        env: opts.env || process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      reject(e);
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 || opts.allowFail) return resolve({ code, stdout, stderr });
      const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
      const err = new InfraError(`${opts.what || `${cmd} ${args.join(' ')}`} failed (exit code ${code})`, {
        code: 'E_COMMAND',
        details: out,
      });
      if (opts.showOutput && err.details) err.message += `\n${err.details}`;
      reject(err);
    });
  });
}

/** Does `cmd ...versionArgs` run at all? Returns {ok, out}. */
function probeCommand(cmd, versionArgs) {
  const r = spawnSync(cmd, versionArgs, { encoding: 'utf8', timeout: 30000 });
  if (r.error) return { ok: false, out: '' };
  return { ok: r.status === 0, out: `${r.stdout || ''}\n${r.stderr || ''}` };
}

module.exports = { run, probeCommand };
