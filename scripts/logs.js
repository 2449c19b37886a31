'use strict';
// Where the output of the processes `npm start` runs goes: every line to a file under
// .data/logs/ (JSON, as pino wrote it), and to the terminal only what a person should see
// there — errors always, and on a TTY also warnings, as pino-pretty lines. A terminal that is
// not a TTY (CI, a pipe) gets errors only, one compact line each, so its output stays short.
const fs = require('node:fs');
const path = require('node:path');
const { prettyFactory } = require('pino-pretty');
const { root } = require('./lib');

const LOG_DIR = path.join(root, '.data', 'logs');
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** The lowest pino level the terminal shows: TERMINAL_LOG_LEVEL, else warn on a TTY and error elsewhere. */
function terminalLevel(tty = process.stdout.isTTY === true) {
  const named = process.env.TERMINAL_LOG_LEVEL;
  if (named && LEVELS[named] !== undefined) return LEVELS[named];
  return tty ? LEVELS.warn : LEVELS.error;
}

function logFile(name) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  return path.join(LOG_DIR, `${name}.log`);
}

/** Calls `onLine` for each whole line of `stream`. */
function eachLine(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (buffered) onLine(buffered);
  });
}

/**
 * Routes a child's stdout and stderr: all of it appended to .data/logs/<name>.log, and the
 * lines at or above the terminal level written to `out`. Lines that are not pino JSON (a
 * crash's stack trace, a runtime warning) always reach the terminal: nothing else reports them.
 */
function routeLogs(name, child, { out = process.stderr, tty = process.stdout.isTTY === true } = {}) {
  const file = fs.createWriteStream(logFile(name), { flags: 'a' });
  const threshold = terminalLevel(tty);
  const pretty = tty
    ? prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', messageKey: 'msg' })
    : null;
  const onLine = (line) => {
    if (!line.trim()) return;
    file.write(`${line}\n`);
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = null;
    }
    if (!entry || typeof entry.level !== 'number') {
      out.write(`[${name}] ${line}\n`);
      return;
    }
    if (entry.level < threshold) return;
    if (pretty) out.write(`[${name}] ${pretty(entry)}`);
    else
      out.write(
        `[${name}] ${entry.level >= LEVELS.error ? 'ERROR' : 'WARN'} ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}\n`,
      );
  };
  if (child.stdout) eachLine(child.stdout, onLine);
  if (child.stderr) eachLine(child.stderr, onLine);
  child.on('exit', () => file.end());
  return logFile(name);
}

module.exports = { LOG_DIR, LEVELS, terminalLevel, logFile, eachLine, routeLogs };
