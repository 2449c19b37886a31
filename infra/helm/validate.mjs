#!/usr/bin/env node
// Validates rendered manifests (a YAML stream on stdin) against the Kubernetes OpenAPI schemas
// that kubernetes-models carries, offline. Prints a JSON summary: kinds counted, objects
// checked, and every validation error; exits 1 when there is one. Custom resources (Strimzi,
// MongoDB, Prometheus operator) are counted, not checked: their schemas ship with the operators.
import { parseAllDocuments } from 'yaml';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';

const MODELS = {
  v1: core,
  'apps/v1': apps,
  'autoscaling/v2': autoscaling,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
};

const input = await new Promise((resolve) => {
  let text = '';
  process.stdin
    .setEncoding('utf8')
    .on('data', (c) => (text += c))
    .on('end', () => resolve(text));
});
const summary = { kinds: {}, checked: 0, unchecked: [], errors: [] };
for (const doc of parseAllDocuments(input)) {
  const object = doc.toJS();
  if (!object) continue;
  const { apiVersion, kind } = object;
  summary.kinds[kind] = (summary.kinds[kind] ?? 0) + 1;
  const Model = MODELS[apiVersion]?.[kind];
  if (!Model) {
    summary.unchecked.push(`${apiVersion} ${kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    summary.checked += 1;
  } catch (err) {
    summary.errors.push(`${kind} ${object.metadata?.name}: ${err.message}`);
  }
}
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
process.exit(summary.errors.length > 0 ? 1 : 0);
