'use strict';
// Waiting on sockets and probes. Ports are checked by connecting, not by binding, so the answer
// is the same whoever owns the listener.

const net = require('node:net');
const { HOST } = require('./paths.js');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Is a TCP port accepting connections? */
function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.removeAllListeners();
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

async function waitPortsFree(ports, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = [];
    for (const p of ports) if (await portOpen(p)) open.push(p);
    if (!open.length) return true;
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
}

/** Client libraries can hang past their own timeouts on a half-open socket. */
function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      t = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

/**
 * Poll `probe` every 500 ms until it resolves truthy; resolves the ms it took.
 * `check` runs after each miss and may throw to give up early; `onTimeout` builds the error.
 */
async function pollUntil(probe, timeoutMs, { onTimeout, check }) {
  const t0 = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - t0;
    if (check) await check();
    if (Date.now() - t0 > timeoutMs) throw onTimeout();
    await sleep(500);
  }
}

module.exports = { sleep, portOpen, waitPortsFree, withTimeout, pollUntil };
