'use strict';
// The graph contract for front-end teams: the API schema (what clients can query) of a
// new composition must not break the API schema of the committed supergraph, unless the
// break is listed on purpose in schemas/breaking-changes.allow.
//   node schemas/supergraph-check.js                 committed supergraph vs a fresh composition
//   node schemas/supergraph-check.js --base <ref>    the supergraph at a git ref (e.g. origin/main) instead
// `node schemas/compose.js` runs the same check before it writes, and `--check` before it
// reports staleness.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Supergraph } = require('@apollo/federation-internals');
const { findBreakingChanges, findDangerousChanges } = require('graphql');
const { root, supergraphPath } = require('./index');

const allowPath = path.join(root, 'breaking-changes.allow');

/** The client-facing schema of a supergraph (join/link machinery and @inaccessible parts removed), as graphql-js. */
function apiSchemaOf(supergraphSdl) {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** How to read the schema coordinate out of each kind of graphql-js change description. */
const COORDINATES = {
  TYPE_REMOVED: [/^(?:Standard scalar )?(\w+) was removed/, (m) => m[1]],
  TYPE_CHANGED_KIND: [/^(\w+) changed from/, (m) => m[1]],
  TYPE_REMOVED_FROM_UNION: [/^\w+ was removed from union type (\w+)\./, (m) => m[1]],
  VALUE_REMOVED_FROM_ENUM: [/^(\w+) was removed from enum type (\w+)\./, (m) => `${m[2]}.${m[1]}`],
  REQUIRED_INPUT_FIELD_ADDED: [/^A required field (\w+) on input type (\w+) was added/, (m) => `${m[2]}.${m[1]}`],
  IMPLEMENTED_INTERFACE_REMOVED: [/^(\w+) no longer implements/, (m) => m[1]],
  FIELD_REMOVED: [/^(\w+)\.(\w+) /, (m) => `${m[1]}.${m[2]}`],
  FIELD_CHANGED_KIND: [/^(\w+)\.(\w+) /, (m) => `${m[1]}.${m[2]}`],
  REQUIRED_ARG_ADDED: [/^A required arg (\w+) on (\w+)\.(\w+) was added/, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  ARG_REMOVED: [/^(\w+)\.(\w+) arg (\w+) /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  ARG_CHANGED_KIND: [/^(\w+)\.(\w+) arg (\w+) /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  DIRECTIVE_REMOVED: [/^(\w+) was removed/, (m) => `@${m[1]}`],
  DIRECTIVE_ARG_REMOVED: [/^(\w+) was removed from (\w+)\./, (m) => `@${m[2]}(${m[1]}:)`],
  REQUIRED_DIRECTIVE_ARG_ADDED: [/^A required arg (\w+) on directive (\w+) was added/, (m) => `@${m[2]}(${m[1]}:)`],
  DIRECTIVE_REPEATABLE_REMOVED: [/from (\w+)\.$/, (m) => `@${m[1]}`],
  DIRECTIVE_LOCATION_REMOVED: [/from (\w+)\.$/, (m) => `@${m[1]}`],
  VALUE_ADDED_TO_ENUM: [/to enum type (\w+)\./, (m) => m[1]],
  TYPE_ADDED_TO_UNION: [/to union type (\w+)\./, (m) => m[1]],
  OPTIONAL_INPUT_FIELD_ADDED: [/^An optional field (\w+) on input type (\w+) was added/, (m) => `${m[2]}.${m[1]}`],
  OPTIONAL_ARG_ADDED: [/^An optional arg (\w+) on (\w+)\.(\w+) was added/, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  ARG_DEFAULT_VALUE_CHANGE: [/^(\w+)\.(\w+) arg (\w+) /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  INTERFACE_ADDED_TO_OBJECT: [/implemented by (\w+)\.$/, (m) => m[1]],
};

/** The schema coordinate a graphql-js change is about: `Community.name`, `Query.community(id:)`, `ActivityStatus.DRAFT`. */
function coordinateOf(change) {
  const rule = COORDINATES[change.type];
  const m = rule && rule[0].exec(change.description);
  return m ? rule[1](m) : change.description;
}

/** Parses breaking-changes.allow: `Type.field  # reason` per line. Returns Map(coordinate → reason). */
function parseAllowList(text) {
  const allowed = new Map();
  const problems = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const hash = line.indexOf('#');
    const coordinate = (hash === -1 ? line : line.slice(0, hash)).trim();
    const reason = hash === -1 ? '' : line.slice(hash + 1).trim();
    if (!reason) problems.push(`breaking-changes.allow line ${i + 1}: \`${coordinate}\` needs a reason after \`#\``);
    else allowed.set(coordinate, reason);
  });
  return { allowed, problems };
}

function readAllowList(file = allowPath) {
  return parseAllowList(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
}

/** An allow entry `Type.field` also covers that field's arguments (`Type.field(arg:)`). */
function allowReason(allowed, coordinate) {
  if (allowed.has(coordinate)) return allowed.get(coordinate);
  const field = coordinate.replace(/\(\w+:\)$/, '');
  return allowed.get(field);
}

/**
 * Compares the API schemas of two supergraphs. Returns
 * { breaking: [{ type, coordinate, description, allowedBecause? }], unallowed: [...], dangerous: [...] }.
 */
function compareSupergraphs(baselineSdl, nextSdl, allowed = new Map()) {
  return compareApiSchemas(apiSchemaOf(baselineSdl), apiSchemaOf(nextSdl), allowed);
}

function compareApiSchemas(before, after, allowed) {
  const breaking = findBreakingChanges(before, after).map((c) => {
    const coordinate = coordinateOf(c);
    const reason = allowReason(allowed, coordinate);
    return { type: c.type, coordinate, description: c.description, ...(reason ? { allowedBecause: reason } : {}) };
  });
  const dangerous = findDangerousChanges(before, after).map((c) => ({
    type: c.type,
    coordinate: coordinateOf(c),
    description: c.description,
  }));
  return { breaking, unallowed: breaking.filter((c) => !c.allowedBecause), dangerous };
}

/** Report lines: unallowed breaking changes, then the allowed ones and the notes. */
function formatGraphReport({ breaking, unallowed, dangerous, baselineError }, { baselineName = 'schemas/supergraph.graphql' } = {}) {
  const lines = baselineError ? [`warning: ${baselineError}`] : [];
  if (unallowed.length > 0) {
    lines.push(`Breaking change${unallowed.length > 1 ? 's' : ''} to the graph (API schema) against ${baselineName}:`);
    for (const c of unallowed) lines.push(`  - ${c.description}  [${c.coordinate}]`);
    lines.push('Front ends depend on the graph: keep the old field (deprecate it) next to the new one, or, if the break is deliberate,');
    lines.push('add `<coordinate>  # reason` to schemas/breaking-changes.allow.');
  }
  const allowed = breaking.filter((c) => c.allowedBecause);
  for (const c of allowed) lines.push(`allowed breaking change: ${c.description}  [${c.coordinate}] — ${c.allowedBecause}`);
  for (const c of dangerous) lines.push(`note: ${c.description}`);
  return lines;
}

/**
 * Checks a new composition against a baseline supergraph. The new supergraph is `supergraphSdl`
 * when given, else composed from `sdlByName` (default: schemas/subgraphs).
 */
function checkSupergraph({ sdlByName, supergraphSdl: composed, baselineSdl, allowText } = {}) {
  const supergraphSdl = composed ?? require('./compose').composeSupergraph(sdlByName).supergraphSdl;
  const baseline = baselineSdl ?? (fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, 'utf8') : null);
  const { allowed, problems } = allowText === undefined ? readAllowList() : parseAllowList(allowText);
  const none = { supergraphSdl, breaking: [], unallowed: [], dangerous: [], allowProblems: problems, noBaseline: true };
  if (baseline === null) return none;
  let before;
  try {
    before = apiSchemaOf(baseline);
  } catch (err) {
    // A committed supergraph that no longer builds must not block writing a good one.
    return {
      ...none,
      baselineError: `the committed supergraph does not build (${err.message.split('\n')[0]}): breaking changes not checked`,
    };
  }
  return { supergraphSdl, ...compareApiSchemas(before, apiSchemaOf(supergraphSdl), allowed), allowProblems: problems };
}

function main(argv = process.argv.slice(2)) {
  const baseIndex = argv.indexOf('--base');
  const base = baseIndex === -1 ? null : argv[baseIndex + 1];
  let baselineSdl;
  let baselineName = 'schemas/supergraph.graphql';
  if (base) {
    baselineSdl = execFileSync('git', ['show', `${base}:schemas/supergraph.graphql`], { cwd: root, encoding: 'utf8' });
    baselineName = `schemas/supergraph.graphql at ${base}`;
  }
  const result = checkSupergraph({ baselineSdl });
  for (const p of result.allowProblems) console.error(p);
  if (result.noBaseline) console.log('no committed supergraph to compare with');
  const lines = formatGraphReport(result, { baselineName });
  for (const line of lines) (result.unallowed.length > 0 ? console.error : console.log)(line);
  if (result.unallowed.length > 0 || result.allowProblems.length > 0) return 1;
  console.log(`no breaking change to the graph against ${baselineName}`);
  return 0;
}

module.exports = {
  allowPath,
  apiSchemaOf,
  coordinateOf,
  parseAllowList,
  readAllowList,
  compareSupergraphs,
  formatGraphReport,
  checkSupergraph,
};

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
