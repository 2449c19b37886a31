'use strict';
// Loaders for the contracts kept in this folder. Plain JavaScript so that every
// workspace (and partner tooling) can read the contracts without a build step.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;

function subgraphNames() {
  return fs
    .readdirSync(path.join(root, 'subgraphs'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => f.slice(0, -'.graphql'.length))
    .sort();
}

function loadSubgraphSdl(name) {
  return fs.readFileSync(path.join(root, 'subgraphs', `${name}.graphql`), 'utf8');
}

const supergraphPath = path.join(root, 'supergraph.graphql');

function loadSupergraphSdl() {
  return fs.readFileSync(supergraphPath, 'utf8');
}

/** Every event payload schema, keyed by CloudEvents `type`. */
function loadEventSchemas() {
  const dir = path.join(root, 'events');
  const schemas = {};
  for (const context of fs.readdirSync(dir).sort()) {
    const contextDir = path.join(dir, context);
    if (!fs.statSync(contextDir).isDirectory()) continue;
    for (const file of fs
      .readdirSync(contextDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const schema = JSON.parse(fs.readFileSync(path.join(contextDir, file), 'utf8'));
      const type = schema['x-event-type'];
      if (!type) throw new Error(`${context}/${file} has no x-event-type`);
      if (schemas[type]) throw new Error(`event type ${type} is defined twice`);
      schemas[type] = { ...schema, 'x-context': context, 'x-file': `events/${context}/${file}` };
    }
  }
  return schemas;
}

module.exports = { root, subgraphNames, loadSubgraphSdl, supergraphPath, loadSupergraphSdl, loadEventSchemas };
