'use strict';
// Composes schemas/subgraphs/*.graphql into schemas/supergraph.graphql with
// @apollo/composition. `node schemas/compose.js --check` fails when composition
// fails, when the graph breaks the committed supergraph's API schema (see
// supergraph-check.js; the breaking changes are listed first), or when the committed
// supergraph is stale. Without --check it refuses to write over a breaking change
// that schemas/breaking-changes.allow does not list.
const fs = require('node:fs');
const { composeServices } = require('@apollo/composition');
const { parse } = require('graphql');
const { subgraphNames, loadSubgraphSdl, supergraphPath } = require('./index');

/** Local default ports; the gateway overrides these from its config. */
const DEFAULT_PORTS = { registry: 4001, 'social-orgs': 4002, activities: 4003, 'resident-services': 4004, credits: 4005 };

function defaultUrl(name) {
  return `http://127.0.0.1:${DEFAULT_PORTS[name] ?? 4099}/graphql`;
}

/** Returns { supergraphSdl } or throws with every composition error listed. */
function composeSupergraph(sdlByName = Object.fromEntries(subgraphNames().map((n) => [n, loadSubgraphSdl(n)]))) {
  const services = Object.entries(sdlByName).map(([name, sdl]) => ({ name, url: defaultUrl(name), typeDefs: parse(sdl) }));
  const result = composeServices(services);
  if (result.errors && result.errors.length > 0) {
    const err = new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
    err.compositionErrors = result.errors;
    throw err;
  }
  const hints = (result.hints ?? []).map((h) => h.toString());
  return { supergraphSdl: result.supergraphSdl, hints };
}

/**
 * The command behind `node schemas/compose.js [--check]`, with its inputs injectable for tests.
 * Returns { exitCode, lines: [{ stream: 'out'|'err', text }], supergraphSdl, write }.
 */
function composeCommand({ check = false, sdlByName, supergraphSdl, committedSdl, allowText } = {}) {
  const { checkSupergraph, formatGraphReport } = require('./supergraph-check');
  const current = committedSdl ?? (fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, 'utf8') : '');
  const graph = checkSupergraph({ sdlByName, supergraphSdl, baselineSdl: current === '' ? null : current, allowText });
  const lines = [];
  const err = (text) => lines.push({ stream: 'err', text });
  const out = (text) => lines.push({ stream: 'out', text });
  graph.allowProblems.forEach(err);
  formatGraphReport(graph).forEach(graph.unallowed.length > 0 ? err : out);
  const broken = graph.unallowed.length > 0 || graph.allowProblems.length > 0;
  const stale = current !== graph.supergraphSdl;
  if (check) {
    if (stale) err('schemas/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    if (!broken && !stale) out('supergraph is up to date');
    return { exitCode: broken || stale ? 1 : 0, lines, supergraphSdl: graph.supergraphSdl, write: false };
  }
  if (broken) {
    err('schemas/supergraph.graphql was not written.');
    return { exitCode: 1, lines, supergraphSdl: graph.supergraphSdl, write: false };
  }
  return { exitCode: 0, lines, supergraphSdl: graph.supergraphSdl, write: stale };
}

function main() {
  const result = composeCommand({ check: process.argv.includes('--check') });
  for (const { stream, text } of result.lines) (stream === 'err' ? console.error : console.log)(text);
  if (result.write) {
    fs.writeFileSync(supergraphPath, result.supergraphSdl);
    console.log(`wrote ${supergraphPath}`);
  } else if (result.exitCode === 0 && !process.argv.includes('--check')) {
    console.log('supergraph is up to date');
  }
  process.exitCode = result.exitCode;
}

module.exports = { composeSupergraph, composeCommand, defaultUrl, DEFAULT_PORTS };

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
