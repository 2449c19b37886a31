'use strict';
// Keeps event contracts backward compatible within a major version. schemas/events.lock.json
// is a committed snapshot of every event schema; the current schemas may differ from it
// only by additive, optional changes. A breaking change needs a new major version: a new
// type `….v2` (and topic sanshe.<context>.v2), which the lock simply gains.
//   node schemas/events-lock.js --check           breaking changes, then staleness (exit 1 on either)
//   node schemas/events-lock.js --write           re-snapshot after a compatible change (refuses breaking ones)
//   node schemas/events-lock.js --write --retire <type>
//        drops a type's snapshot on purpose: a major version taken out of service, or a
//        type that no producer has published in production yet and is being corrected
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEventSchemas } = require('./index');

const lockPath = path.join(root, 'events.lock.json');

/** Keywords that describe rather than constrain: changing them never breaks a reader. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$schema']);
/** Lower bounds: raising or adding one rejects values that were valid. */
const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum'];
/** Upper bounds: lowering or adding one rejects values that were valid. */
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum'];
/** Keywords compared here one by one; any other keyword must stay exactly as it was. */
const HANDLED = new Set([
  '$id',
  'type',
  'format',
  'enum',
  'const',
  'pattern',
  'multipleOf',
  'uniqueItems',
  'required',
  'properties',
  'additionalProperties',
  'items',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
]);

const show = (v) => JSON.stringify(v);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (s) => (s.type === undefined ? null : [].concat(s.type).sort());

function deepEqual(a, b) {
  return show(canonical(a)) === show(canonical(b));
}

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical(v[k])]),
  );
}

/**
 * Lists what makes `next` incompatible with `prev` for readers of the same major version:
 * [{ path, problem }]. `path` names the property (`data.capacity`, `data.itemCodes[]`).
 * Allowed: new optional properties, new enum values, looser bounds, annotation changes.
 */
function compareSchemas(prev, next, at = 'data') {
  const problems = [];
  const report = (where, problem) => problems.push({ path: where, problem });
  compareNode(prev, next, at, report);
  return problems;
}

function compareNode(prev, next, at, report) {
  if (prev === undefined && next === undefined) return;
  if (prev === false) return; // nothing was accepted: nothing to narrow
  if (next === false) return report(at, 'now accepts no value');
  // An absent or `true` schema accepts anything.
  if (prev === true || prev === undefined) prev = {};
  if (next === true || next === undefined) next = {};
  if (!isObject(prev) || !isObject(next)) {
    if (!deepEqual(prev, next)) report(at, `schema changed from ${show(prev)} to ${show(next)}`);
    return;
  }

  const before = typesOf(prev);
  const after = typesOf(next);
  if (before && !after) report(at, `type ${show(prev.type)} was dropped (any type is now possible)`);
  else if (!before && after) report(at, `type ${show(next.type)} was added`);
  else if (before && after && show(before) !== show(after)) report(at, `type changed from ${show(prev.type)} to ${show(next.type)}`);

  if (prev.format !== next.format) {
    if (prev.format === undefined) report(at, `format ${show(next.format)} was added`);
    else if (next.format === undefined) report(at, `format ${show(prev.format)} was dropped`);
    else report(at, `format changed from ${show(prev.format)} to ${show(next.format)}`);
  }

  if (Array.isArray(next.enum)) {
    if (!Array.isArray(prev.enum)) report(at, `enum ${show(next.enum)} was added`);
    else {
      const removed = prev.enum.filter((v) => !next.enum.some((w) => deepEqual(v, w)));
      if (removed.length > 0) report(at, `enum value${removed.length > 1 ? 's' : ''} ${removed.map(show).join(', ')} removed`);
    }
  }
  if ('const' in next && (!('const' in prev) || !deepEqual(prev.const, next.const))) {
    report(at, 'const' in prev ? `const changed from ${show(prev.const)} to ${show(next.const)}` : `const ${show(next.const)} was added`);
  }
  for (const key of ['pattern', 'multipleOf']) {
    if (key in next && prev[key] !== next[key])
      report(at, key in prev ? `${key} changed from ${show(prev[key])} to ${show(next[key])}` : `${key} ${show(next[key])} was added`);
  }
  if (next.uniqueItems === true && prev.uniqueItems !== true) report(at, 'uniqueItems was added');
  for (const key of LOWER_BOUNDS) {
    if (key in next && (!(key in prev) || next[key] > prev[key]))
      report(at, key in prev ? `${key} raised from ${prev[key]} to ${next[key]}` : `${key} ${next[key]} was added`);
  }
  for (const key of UPPER_BOUNDS) {
    if (key in next && (!(key in prev) || next[key] < prev[key]))
      report(at, key in prev ? `${key} lowered from ${prev[key]} to ${next[key]}` : `${key} ${next[key]} was added`);
  }

  const prevRequired = new Set(prev.required ?? []);
  const nextRequired = new Set(next.required ?? []);
  for (const name of nextRequired)
    if (!prevRequired.has(name)) report(`${at}.${name}`, 'is newly required (records already on the topic lack it)');
  for (const name of prevRequired) if (!nextRequired.has(name)) report(`${at}.${name}`, 'is no longer required (readers rely on it)');

  const prevProps = prev.properties ?? {};
  const nextProps = next.properties ?? {};
  for (const name of Object.keys(prevProps)) {
    if (!(name in nextProps)) report(`${at}.${name}`, 'was removed');
    else compareNode(prevProps[name], nextProps[name], `${at}.${name}`, report);
  }
  if (prev.additionalProperties === false) {
    for (const name of Object.keys(nextProps))
      if (!(name in prevProps)) report(`${at}.${name}`, 'was added to an object that allowed no other properties');
  }
  if (next.additionalProperties === false && prev.additionalProperties !== false)
    report(at, 'additionalProperties: false was added (other properties are now rejected)');
  else if (isObject(prev.additionalProperties) || isObject(next.additionalProperties))
    compareNode(prev.additionalProperties, next.additionalProperties, `${at}.*`, report);
  if (prev.items !== undefined || next.items !== undefined) compareNode(prev.items, next.items, `${at}[]`, report);

  for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    if (HANDLED.has(key) || ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (!deepEqual(prev[key], next[key])) report(at, `keyword ${key} changed (only additive, optional changes can be accepted)`);
  }
}

/** The file content of a loaded schema (without the loader's x-context / x-file). */
function fileSchema(schema) {
  const { 'x-context': _context, 'x-file': _file, ...rest } = schema;
  return rest;
}

function buildLock(schemas) {
  const types = {};
  for (const type of Object.keys(schemas).sort()) types[type] = { file: schemas[type]['x-file'], schema: fileSchema(schemas[type]) };
  return {
    about:
      'Snapshot of every event schema, for the compatibility check. Regenerate with `node schemas/events-lock.js --write`; never edit by hand.',
    types,
  };
}

function readLock(file = lockPath) {
  if (!fs.existsSync(file)) return { types: {} };
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Compares the current schemas with the lock.
 * Returns { breaks: [{ type, path, problem, text }], added: [type], changed: [type] }.
 */
function checkLock(lock, schemas) {
  const breaks = [];
  const added = [];
  const changed = [];
  for (const [type, locked] of Object.entries(lock.types ?? {})) {
    const current = schemas[type];
    if (!current) {
      breaks.push({
        type,
        path: '',
        problem: `was removed (its schema ${locked.file} is gone) — a type leaves only with its major version: \`--write --retire ${type}\``,
        text: '',
      });
      continue;
    }
    const next = fileSchema(current);
    if (locked.schema.$id !== next.$id)
      breaks.push({
        type,
        path: '$id',
        problem: `changed from ${show(locked.schema.$id)} to ${show(next.$id)} (the dataschema of every record)`,
        text: '',
      });
    for (const p of compareSchemas(locked.schema, next)) breaks.push({ type, ...p, text: '' });
    if (!deepEqual(locked.schema, next)) changed.push(type);
  }
  for (const type of Object.keys(schemas)) if (!(type in (lock.types ?? {}))) added.push(type);
  for (const b of breaks) b.text = `${b.type}: ${b.path ? `${b.path} ` : ''}${b.problem}`;
  return { breaks, added: added.sort(), changed: changed.sort() };
}

function main(argv = process.argv.slice(2)) {
  const write = argv.includes('--write');
  const retire = argv.flatMap((a, i) => (a === '--retire' ? [argv[i + 1]] : [])).filter(Boolean);
  const schemas = loadEventSchemas();
  const lock = readLock();
  for (const type of retire) {
    if (!lock.types?.[type]) {
      console.error(`--retire ${type}: the lock has no such type`);
      return 1;
    }
    delete lock.types[type];
    console.log(`retired ${type} from the lock`);
  }
  const { breaks, added, changed } = checkLock(lock, schemas);
  if (breaks.length > 0) {
    console.error(`Breaking event contract change${breaks.length > 1 ? 's' : ''} within a major version:`);
    for (const b of breaks) console.error(`  - ${b.text}`);
    console.error('Keep the change additive and optional, or publish a new major version (a new type ….v2 on sanshe.<context>.v2).');
    if (write) console.error('schemas/events.lock.json was not written.');
  }
  if (write) {
    if (breaks.length > 0) return 1;
    fs.writeFileSync(lockPath, `${JSON.stringify(buildLock(schemas), null, 2)}\n`);
    console.log(`wrote schemas/events.lock.json (${Object.keys(schemas).length} types; added ${added.length}, changed ${changed.length})`);
    return 0;
  }
  if (added.length > 0 || changed.length > 0) {
    const what = [...added.map((t) => `${t} (new)`), ...changed.map((t) => `${t} (changed compatibly)`)];
    console.error(`schemas/events.lock.json is stale: run \`node schemas/events-lock.js --write\` and commit it.\n  ${what.join('\n  ')}`);
    return 1;
  }
  if (breaks.length > 0) return 1;
  console.log('event schemas are compatible with the lock');
  return 0;
}

module.exports = { lockPath, compareSchemas, buildLock, readLock, checkLock };

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
