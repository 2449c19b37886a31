'use strict';
// Long-lived service processes: spawn with pid file + log file, recognise them again from another
// process (pid files outlive us; pids get recycled), and stop them without touching anything else.
//
// A service descriptor (see kafka.js, mongo.js) has: name, label, pidFile, logFile, extraLogs,
// ports, and isOurs(pid), which tells whether a pid really is the process this launcher started.

const fs = require('node:fs');
const { spawn, spawnSync } = require('node:child_process');
const { DATA_DIR } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { readText, fileSize } = require('./files.js');
const { sleep, waitPortsFree } = require('./wait.js');

/** Alive and not a zombie: a zombie still answers kill(pid, 0). */
function pidAlive(pid) {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

/** Full command line of a process ('' if unknown); /proc first, ps where there is no /proc. */
function commandLine(pid) {
  const c = readText(`/proc/${pid}/cmdline`);
  if (c != null) return c.split('\0').join(' ');
  const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return (r.stdout || '').trim();
}

function readPid(file) {
  const n = parseInt(readText(file) || '', 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Next to the pid file, so a restart by another process (e.g. a drill test) keeps the mode. */
const modeFile = (svc) => `${svc.pidFile.replace(/\.pid$/, '')}.mode`;

/** Our own children, so we can see their exit code instead of polling a pid that may be recycled. */
const children = new Map();
/** Non-detached children: killed when this process exits. */
const attached = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const svc of attached) {
      const pid = readPid(svc.pidFile);
      const child = children.get(pid);
      if (child && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid, 'SIGTERM');
          fs.rmSync(svc.pidFile, { force: true });
        } catch {
          /* already gone */
        }
      }
    }
  });
}

/** pid of the live process this launcher started for `svc`, else null (stale pid files are removed). */
function managedPid(svc) {
  const pid = readPid(svc.pidFile);
  if (!pid) return null;
  if (pidAlive(pid) && svc.isOurs(pid)) return pid;
  fs.rmSync(svc.pidFile, { force: true });
  return null;
}

/** The `detached` mode this service was last started with (false if never). */
function lastMode(svc) {
  return (readText(modeFile(svc)) || '').trim() === 'detached';
}

/**
 * Start `cmd` with stdout/stderr appended to svc.logFile and its pid in svc.pidFile.
 * The returned child carries `logOffsets` (log sizes before the start) and, when the spawn
 * itself failed, `spawnError`.
 */
function spawnService(svc, cmd, args, opts) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const detached = !!opts.detached;
  const logOffsets = new Map([svc.logFile, ...svc.extraLogs].map((f) => [f, fileSize(f)]));
  const fd = fs.openSync(svc.logFile, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} starting: ${cmd} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(cmd, args, {
      cwd: opts.cwd || DATA_DIR,
      env: opts.env || process.env,
      stdio: ['ignore', fd, fd],
      detached,
    });
  } finally {
    fs.closeSync(fd);
  }
  // Spawn errors (ENOENT...) surface through the readiness wait, with the log attached.
  child.once('error', (e) => {
    child.spawnError = e;
  });
  child.unref();
  if (!child.pid) {
    throw new InfraError(`could not start ${svc.label}: ${cmd} did not spawn`, { code: 'E_START' });
  }
  child.logOffsets = logOffsets;
  children.set(child.pid, child);
  child.once('exit', () => {
    attached.delete(svc);
    if (readPid(svc.pidFile) === child.pid) fs.rmSync(svc.pidFile, { force: true });
  });
  fs.writeFileSync(svc.pidFile, `${child.pid}\n`);
  fs.writeFileSync(modeFile(svc), detached ? 'detached\n' : 'attached\n');
  if (!detached) {
    attached.add(svc);
    installExitHook();
  }
  return child;
}

function exited(child, pid) {
  if (child) return child.exitCode !== null || child.signalCode !== null || !!child.spawnError;
  return !pidAlive(pid);
}

/**
 * SIGTERM the process this launcher started (pid file), wait until it exited and its ports are
 * free; SIGKILL after opts.timeoutMs (default 60 s).
 * @returns {Promise<{stopped: boolean, pid: number|null, ms: number, reason?: string}>}
 */
async function stopService(svc, opts = {}) {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs || 60000;
  const pid = managedPid(svc);
  if (!pid) return { stopped: false, pid: null, ms: 0, reason: 'not started by this launcher' };
  const child = children.get(pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* gone already */
  }
  let killed = false;
  for (;;) {
    if (exited(child, pid)) break;
    if (Date.now() - t0 > timeoutMs && !killed) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      killed = true;
    }
    if (Date.now() - t0 > timeoutMs + 10000) {
      throw new InfraError(`${svc.label} (pid ${pid}) did not exit after SIGTERM and SIGKILL`, { code: 'E_STOP' });
    }
    await sleep(100);
  }
  fs.rmSync(svc.pidFile, { force: true });
  attached.delete(svc);
  if (!(await waitPortsFree(svc.ports, 15000))) {
    throw new InfraError(`${svc.label} exited but port(s) ${svc.ports.join(', ')} are still in use`, { code: 'E_STOP' });
  }
  return { stopped: true, pid, ms: Date.now() - t0, ...(killed ? { reason: 'SIGKILL after timeout' } : {}) };
}

module.exports = { pidAlive, commandLine, readPid, managedPid, lastMode, spawnService, exited, stopService };
