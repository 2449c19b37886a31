#!/usr/bin/env node
'use strict';
// Offline checks of the chart: `helm lint` and `helm template` with the default values and with
// values-production.yaml. helm is installed into .cache/bin with `go install` the first time
// (pinned below) unless HELM points at one. Usage: node infra/helm/helm.js [lint|template <values>]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHART = path.join(__dirname, 'sanshe');
const HELM_MODULE = 'helm.sh/helm/v4/cmd/helm@v4.3.2';
const GOBIN = path.join(ROOT, '.cache', 'bin');

/** The values a render needs besides the file: the chart renders no secret by default, on purpose. */
const REQUIRED_SETS = [
  'auth.identitySigningKey=check-identity-signing-key',
  'auth.identityPublicKeys=check-identity-public-keys',
  'auth.jwtSecret=check-jwt-secret-0123456789-0123456789',
];
const VALUES = { default: [], production: [path.join(CHART, 'values-production.yaml')] };

function helmBinary() {
  if (process.env.HELM) return process.env.HELM;
  const local = path.join(GOBIN, 'helm');
  if (!fs.existsSync(local)) {
    process.stderr.write(`installing ${HELM_MODULE} into ${GOBIN} (once)\n`);
    execFileSync('go', ['install', HELM_MODULE], { env: { ...process.env, GOBIN }, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return local;
}

const helm = (args) => execFileSync(helmBinary(), args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
const valueArgs = (name) => [...VALUES[name].flatMap((f) => ['-f', f]), ...REQUIRED_SETS.flatMap((s) => ['--set', s])];

/** `helm lint --strict` with the named values; throws with helm's output when it fails. */
const lint = (name) => helm(['lint', '--strict', CHART, ...valueArgs(name)]);

/** The rendered manifests (one YAML stream) with the named values. */
const template = (name) => helm(['template', 'sanshe', CHART, '--namespace', 'sanshe', ...valueArgs(name)]);

module.exports = { lint, template, helmBinary, VALUES: Object.keys(VALUES) };

if (require.main === module) {
  const [command = 'lint', name] = process.argv.slice(2);
  const names = name ? [name] : Object.keys(VALUES);
  for (const n of names) process.stdout.write(command === 'template' ? template(n) : `${n}: ${lint(n)}`);
}
