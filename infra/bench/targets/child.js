'use strict';
/**
 * The protocol every bench target process speaks with the orchestrator over IPC:
 *   child → parent  { type: 'ready', url }   once it listens
 *                   { type: 'failed', message } when it could not start
 *                   { type: 'reply', id, value } answers to a request
 *   parent → child  { type: 'request', id, op } op: 'counters' | 'reset-counters' | 'relay' | ...
 *                   { type: 'stop' }           graceful stop, then exit 0
 * A target that loses its parent stops too, so no benchmark process outlives a crash.
 */
require('../lib/ts-register');

/**
 * Runs a target: `start()` resolves with { url, stop(), handlers? } where handlers maps
 * request ops to async functions.
 */
function runTarget(name, start) {
  let running;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(code || 2), 20_000);
    timer.unref();
    try {
      await running?.stop();
    } catch (err) {
      process.stderr.write(`[${name}] unclean stop: ${err.message}\n`);
    }
    process.exit(code);
  };
  process.on('message', async (message) => {
    if (message?.type === 'stop') return stop(0);
    if (message?.type !== 'request') return;
    const handler = running?.handlers?.[message.op];
    try {
      if (!handler) throw new Error(`${name} does not answer ${message.op}`);
      const value = await handler(message.args);
      process.send?.({ type: 'reply', id: message.id, value });
    } catch (err) {
      process.send?.({ type: 'reply', id: message.id, error: err.message });
    }
  });
  process.on('disconnect', () => stop(0));
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));
  start().then(
    (target) => {
      running = target;
      process.send?.({ type: 'ready', url: target.url, pid: process.pid });
    },
    (err) => {
      process.send?.({ type: 'failed', message: err?.stack ?? String(err) });
      process.exit(1);
    },
  );
}

module.exports = { runTarget };
