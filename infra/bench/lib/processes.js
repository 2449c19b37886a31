'use strict';
/**
 * Starts bench targets as child processes (infra/bench/targets/*.js), waits for them to
 * listen, talks to them over IPC and stops them. Every child is tracked so that the
 * orchestrator stops exactly the processes it started, and only those, even on Ctrl-C.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const TARGETS = path.join(__dirname, '..', 'targets');
const started = new Set();

class TargetProcess {
  constructor(label, child) {
    this.label = label;
    this.child = child;
    this.pid = child.pid;
    this.url = null;
    this.nextId = 1;
    this.pending = new Map();
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.on('message', (message) => {
      if (message?.type !== 'reply') return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${label}: ${message.error}`));
      else waiter.resolve(message.value);
    });
    this.exited.then(() => {
      started.delete(this);
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${label} exited`));
      this.pending.clear();
    });
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Asks the target for something (see targets/child.js); rejects after `timeoutMs`. */
  request(op, args, timeoutMs = 30_000) {
    if (!this.alive) return Promise.reject(new Error(`${this.label} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.label} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ type: 'request', id, op, args });
    });
  }

  /** Graceful stop over IPC; SIGKILL when it does not exit within `graceMs`. */
  async stop(graceMs = 15_000) {
    if (!this.alive) return this.exited;
    try {
      this.child.send({ type: 'stop' });
    } catch {
      this.child.kill('SIGTERM');
    }
    const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), graceMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }

  /** Kills the process outright (drills). */
  kill(signal = 'SIGKILL') {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Forks `targets/<script>.js` with `env`, resolves once it reports ready (its URL set),
 * rejects when it fails or exits first, or after `timeoutMs`. Output is prefixed with the
 * label and shown only when `verbose` (or always for stderr lines when it fails).
 */
function startTarget(label, script, env, { timeoutMs = 300_000, verbose = false, log = console.log, execArgv } = {}) {
  // BENCH_CPU_PROF=<dir>: every target writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${label}.cpuprofile`]
    : [];
  const args = execArgv || profile.length > 0 ? [...(execArgv ?? process.execArgv), ...profile] : undefined;
  const child = fork(path.join(TARGETS, `${script}.js`), [], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...(args ? { execArgv: args } : {}),
  });
  const target = new TargetProcess(label, child);
  started.add(target);
  const tail = [];
  const forward = (stream) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (verbose) log(`[${label}] ${line}`);
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  target.tail = tail;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.kill('SIGKILL');
      reject(new Error(`${label} did not start within ${timeoutMs / 1000} s\n${tail.slice(-15).join('\n')}`));
    }, timeoutMs);
    child.on('message', (message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        target.url = message.url;
        resolve(target);
      } else if (message?.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${label} failed to start: ${message.message}`));
      }
    });
    target.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${signal ?? code}) before it was ready\n${tail.slice(-15).join('\n')}`));
    });
  });
}

/** Stops every target this process started (used on exit and on Ctrl-C). */
async function stopAllTargets() {
  await Promise.all([...started].map((t) => t.stop().catch(() => undefined)));
}

module.exports = { startTarget, stopAllTargets, TargetProcess };
