'use strict';
// Tolerant file access: the launcher races other processes (and `rm -rf .data`), so a missing
// file is a normal answer, not an error.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./paths.js');

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function rmrf(p) {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // Go module-cache copies are read-only; make them writable and retry.
    chmodTree(p);
    fs.rmSync(p, { recursive: true, force: true });
  }
}

function chmodTree(p) {
  let st;
  try {
    st = fs.lstatSync(p);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    fs.chmodSync(p, 0o755);
    for (const e of fs.readdirSync(p)) chmodTree(path.join(p, e));
  } else {
    fs.chmodSync(p, st.mode & 0o111 ? 0o755 : 0o644);
  }
}

/** 0 when missing: remembered before a start so a failure shows only that run's log. */
function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Last `n` lines of a log file from byte `offset` on, prefixed with its name ('' when empty). */
function tail(file, n = 30, offset = 0) {
  let text;
  try {
    const buf = fs.readFileSync(file);
    text = buf.subarray(offset > buf.length ? 0 : offset).toString('utf8');
  } catch {
    return '';
  }
  if (!text || !text.trim()) return '';
  const lines = text.replace(/\s+$/, '').split('\n').slice(-n);
  return `--- last ${lines.length} lines of ${path.relative(ROOT, file)} ---\n${lines.join('\n')}`;
}

module.exports = { readText, rmrf, chmodTree, fileSize, tail };
