'use strict';
// The start sequence Kafka and the Mongo-wire store share: reuse whatever already answers, otherwise take the
// lock, install if needed, spawn, and wait until the service answers its own protocol (an open
// port is not enough: Kafka listens well before it serves metadata).
//
// Besides what process.js needs, a startable descriptor has: short (name in progress lines),
// version, address, envVar (how to point Sanshe elsewhere), busyWhat / readyWhat (protocol
// wording for messages), answers(), defaultTimeoutMs, install(log) and command() -> {cmd, args, cwd}.

const path = require('node:path');
const { ROOT, HOST } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { secs, logger } = require('./log.js');
const { tail } = require('./files.js');
const { sleep, portOpen, pollUntil } = require('./wait.js');
const { managedPid, lastMode, spawnService, exited } = require('./process.js');
const { withLock } = require('./lock.js');

/** An InfraError with the tail of this run's logs, which is where the reason is. */
function failure(svc, child, message) {
  const offsets = (child && child.logOffsets) || new Map();
  const logs = [svc.logFile, ...svc.extraLogs]
    .map((f) => tail(f, 30, offsets.get(f) || 0))
    .filter(Boolean)
    .join('\n');
  const err = new InfraError(`${message}; logs: ${path.relative(ROOT, svc.logFile)}`, {
    code: 'E_START',
    details: logs,
  });
  if (logs) err.message += `\n${logs}`;
  return err;
}

/** Wait until svc answers; gives up early when the process (our child, or a pid) died. */
function waitReady(svc, { timeoutMs, child, pid }) {
  return pollUntil(() => svc.answers(), timeoutMs, {
    check: async () => {
      if (!(child || pid) || !exited(child, pid || child.pid)) return;
      await sleep(300); // let the log flush
      const code = child && child.exitCode != null ? ` (exit code ${child.exitCode})` : '';
      const spawnError = child && child.spawnError ? `: ${child.spawnError.message}` : '';
      throw failure(svc, child, `${svc.label} exited before it was ready${code}${spawnError}`);
    },
    onTimeout: () => failure(svc, child, `${svc.label} did not answer ${svc.readyWhat} within ${secs(timeoutMs)}`),
  });
}

/**
 * @param {{detached?: boolean, timeoutMs?: number, log?: Function, quiet?: boolean}} opts
 *   detached: default = the mode the service was last started with (false if never).
 * @returns {Promise<{started: boolean, pid: number|null, ms: number}>}
 */
async function startService(svc, opts) {
  const log = logger(opts);
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs || svc.defaultTimeoutMs;
  const result = (started, pid) => ({ started, pid: pid || null, ms: Date.now() - t0 });

  if (await svc.answers()) return result(false, managedPid(svc));

  return withLock(svc.name, async () => {
    // Whoever held the lock may have just started it.
    if (await svc.answers()) return result(false, managedPid(svc));

    const existing = managedPid(svc);
    if (existing) {
      log(`${svc.short} (pid ${existing}) is starting, waiting...`);
      await waitReady(svc, { timeoutMs, pid: existing });
      return result(false, existing);
    }
    for (const port of svc.ports) {
      if (await portOpen(port)) {
        throw new InfraError(`${HOST}:${port} is in use by a process that does not answer ${svc.busyWhat}; stop it, or set ${svc.envVar}`, {
          code: 'E_PORT_BUSY',
        });
      }
    }

    await svc.install(log);
    const detached = opts.detached === undefined ? lastMode(svc) : !!opts.detached;
    log(`starting ${svc.short} ${svc.version} on ${svc.address}...`);
    const { cmd, args, cwd } = svc.command();
    const child = spawnService(svc, cmd, args, { detached, cwd });
    await waitReady(svc, { timeoutMs, child });
    return result(true, child.pid);
  });
}

module.exports = { startService };
