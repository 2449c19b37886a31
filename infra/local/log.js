'use strict';
// Progress goes to stderr so callers that print results on stdout (cli.js) stay parseable.

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function defaultLog(msg) {
  process.stderr.write(`[infra] ${msg}\n`);
}

/** @param {{quiet?: boolean, log?: Function}} [opts] */
function logger(opts) {
  if (opts && opts.quiet) return () => {};
  return (opts && typeof opts.log === 'function' && opts.log) || defaultLog;
}

module.exports = { secs, logger };
