#!/usr/bin/env node
'use strict';
/**
 * `npm run drills` — the failure drills in test/drills, one at a time (two of them stop
 * the shared broker), then what each drill counted: sent / delivered / effects and the
 * like, as the drills reported them (test/drills/drill-report.ts).
 *   npm run drills                       every drill
 *   npm run drills -- hostile            only drills whose file matches "hostile"
 *   npm run drills -- --no-broker        skip the drills that stop the broker
 * Exit code 0 only when every drill passed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, '.cache', 'test-results');
const reportFile = path.join(outDir, 'drills.jsonl');
const jsonFile = path.join(outDir, 'drills-run.json');
const BROKER_DRILLS = ['broker-outage', 'broker-burst'];

const args = process.argv.slice(2);
const noBroker = args.includes('--no-broker');
const filters = args.filter((a) => !a.startsWith('--'));
const passthrough = args.filter((a) => a.startsWith('--') && a !== '--no-broker');

fs.mkdirSync(outDir, { recursive: true });
fs.rmSync(reportFile, { force: true });
fs.rmSync(jsonFile, { force: true });

const pattern = filters.length ? `/test/drills/.*(${filters.join('|')})` : '/test/drills/';
const ignore = noBroker ? ['--testPathIgnorePatterns', `/test/drills/(${BROKER_DRILLS.join('|')})`] : [];
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [jest, '--runInBand', '--testPathPattern', pattern, ...ignore, '--json', `--outputFile=${jsonFile}`, ...passthrough],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DRILL_REPORT: reportFile },
  },
);

const reports = fs.existsSync(reportFile)
  ? fs
      .readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const results = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null;

console.log('\nDrill counts');
console.log('============');
for (const { drill, counts, notes } of reports) {
  console.log(`\n${drill}`);
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  for (const [key, value] of Object.entries(counts)) console.log(`  ${key.padEnd(width)}  ${value}`);
  for (const note of notes ?? []) console.log(`  · ${note}`);
}
if (results) {
  console.log('\nDrill files');
  for (const file of results.testResults) {
    const name = path.relative(root, file.name);
    const seconds = ((file.endTime - file.startTime) / 1000).toFixed(0);
    console.log(
      `  ${file.status === 'passed' ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)${BROKER_DRILLS.some((b) => name.includes(b)) ? ' — stops the broker' : ''}`,
    );
  }
  console.log(
    `\n${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}
process.exit(run.status ?? 1);
