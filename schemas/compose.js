'use strict';
// Composes schemas/subgraphs/*.graphql into schemas/supergraph.graphql with
// @apollo/composition. `node schemas/compose.js --check` fails when composition
// fails or when the committed supergraph is stale.
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

function main() {
  const check = process.argv.includes('--check');
  const { supergraphSdl } = composeSupergraph();
  const current = fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, 'utf8') : '';
  if (check) {
    if (current !== supergraphSdl) {
      console.error('schemas/supergraph.graphql is stale: run `npm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph is up to date');
    return;
  }
  fs.writeFileSync(supergraphPath, supergraphSdl);
  console.log(`wrote ${supergraphPath}`);
}

module.exports = { composeSupergraph, defaultUrl, DEFAULT_PORTS };

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
