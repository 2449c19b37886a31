'use strict';
// Several jest/turbo processes may call ensureInfra at once; only one may install or start a
// service. The lock file holds the owner's pid, so a crashed owner does not block anyone.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, DATA_DIR } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { readPid, pidAlive } = require('./process.js');
const { sleep } = require('./wait.js');

/** Lock files this process holds; one with our pid that is not here is left from a reused pid. */
const heldLocks = new Set();

async function withLock(name, fn, timeoutMs = 20 * 60 * 1000) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      heldLocks.add(file);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = readPid(file);
      let stale;
      if (owner) stale = !pidAlive(owner) || (owner === process.pid && !heldLocks.has(file));
      else {
        // Being written right now, or garbage: stale if old.
        try {
          stale = Date.now() - fs.statSync(file).mtimeMs > 5000;
        } catch {
          stale = false;
        }
      }
      if (stale) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InfraError(`timed out waiting for ${path.relative(ROOT, file)} (held by pid ${owner})`, {
          code: 'E_LOCK',
        });
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    heldLocks.delete(file);
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  }
}

module.exports = { withLock };
