#!/usr/bin/env node
'use strict';
// `npm run seed`: builds, then runs every service's seed in dependency order
// (registry, social-orgs, activities, resident-services, credits). Seeds are
// deterministic and idempotent, so running this twice changes nothing.
// What the seeds print goes to .data/logs/seed.log; the terminal gets one progress
// line that updates in place on a TTY, and one line per service elsewhere.
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfra } = require('../infra/local/infra.js');
const { root, services, build, databaseFor, runNode } = require('./lib');
const { logFile } = require('./logs');

/** One status line: rewritten in place on a TTY, printed only when final elsewhere. */
function progressLine(out) {
  const tty = out.isTTY === true;
  return {
    update(text) {
      if (tty) out.write(`\r\x1b[2K${text.slice(0, (out.columns ?? 100) - 1)}`);
    },
    done(text) {
      out.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}

/** Today in the district (UTC+8): every service's seed anchors its calendar to the same day. */
const districtToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Runs a service's seed entry (`dist/seed/index.js`) on the service's own database; resolves to its exit code. */
const runSeedEntry = (name, args, env, onLine) =>
  runNode(path.join(root, 'services', name, 'dist', 'seed', 'index.js'), args, { ...env, MONGO_DB: databaseFor(name, env) }, onLine);

async function seedAll({ skipBuild = false, env = process.env, out = process.stdout } = {}) {
  if (!skipBuild) build();
  env = { ...env, SEED_AS_OF: env.SEED_AS_OF || districtToday() };
  const names = services();
  const log = fs.createWriteStream(logFile('seed'), { flags: 'a' });
  const progress = progressLine(out);
  try {
    for (const [index, name] of names.entries()) {
      const started = Date.now();
      const step = `seeding ${index + 1}/${names.length} ${name}`;
      const seen = [];
      progress.update(`${step}…`);
      const code = await runSeedEntry(name, [], env, (line) => {
        log.write(`[${name}] ${line}\n`);
        seen.push(line);
        if (seen.length > 20) seen.shift();
        progress.update(`${step}: ${line}`);
      });
      if (code !== 0) {
        progress.done(`${step}: failed (exit ${code}). Its last lines:`);
        out.write(`${seen.map((l) => `  ${l}`).join('\n')}\n`);
        throw new Error(`seeding ${name} failed; the full output is in ${logFile('seed')}`);
      }
      progress.done(`${step}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    log.end();
  }
}

/**
 * Writes only resident-services' service catalogue (reference data the service reads and no
 * longer writes at start-up), so a store seeded before a catalogue change serves the current one.
 */
async function refreshCatalogue({ env = process.env } = {}) {
  const log = fs.createWriteStream(logFile('seed'), { flags: 'a' });
  try {
    const name = 'resident-services';
    const code = await runSeedEntry(name, ['--catalogue'], env, (line) => log.write(`[${name} catalogue] ${line}\n`));
    if (code !== 0) throw new Error(`writing the service catalogue failed (exit ${code}); the full output is in ${logFile('seed')}`);
  } finally {
    log.end();
  }
}

module.exports = { seedAll, refreshCatalogue };

if (require.main === module) {
  (async () => {
    const { mongoUrl, kafkaBrokers } = await ensureInfra({ detached: true });
    await seedAll({ env: { ...process.env, MONGO_URL: mongoUrl, KAFKA_BROKERS: String(kafkaBrokers) } });
  })().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
