#!/usr/bin/env node
'use strict';
// `npm test`: the contract checks, then every jest suite, then the drills that stop
// the broker (run alone, after the rest, so they cannot disturb other suites).
// The last line is the totals of both jest runs: `N passed, N failed`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, '.cache', 'test-results');
fs.mkdirSync(outDir, { recursive: true });
const passthrough = process.argv.slice(2);

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return result.status ?? 1;
}

let failedSteps = 0;
// The contracts: the graph (breaking changes, then staleness), the AsyncAPI document, the event-schema lock, the generated event types.
for (const check of ['schemas/compose.js', 'schemas/asyncapi.js', 'schemas/events-lock.js', 'schemas/event-types.js']) {
  if (run(process.execPath, [check, '--check']) !== 0) failedSteps += 1;
}

const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const phases = [
  { name: 'suites', args: ['--testPathIgnorePatterns', '/test/drills/'] },
  { name: 'drills', args: ['--runInBand', '--passWithNoTests', '--testPathPattern', '/test/drills/'] },
];
let passed = 0;
let failed = 0;
for (const phase of phases) {
  const out = path.join(outDir, `${phase.name}.json`);
  fs.rmSync(out, { force: true });
  const status = run(process.execPath, [jest, ...phase.args, '--json', `--outputFile=${out}`, ...passthrough]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    if (status !== 0 && r.numFailedTests + r.numRuntimeErrorTestSuites === 0 && r.numTotalTests > 0) failedSteps += 1;
  } else if (status !== 0) {
    failedSteps += 1;
  }
}
if (failedSteps > 0) console.error(`${failedSteps} step(s) failed outside the test counts (a contract check or a jest run error).`);
console.log(`${passed} passed, ${failed + failedSteps} failed`);
process.exit(failed + failedSteps > 0 ? 1 : 0);
