#!/usr/bin/env node
'use strict';
// `npm run seed`: builds, then runs every service's seed in dependency order
// (registry, social-orgs, activities, resident-services, credits). Seeds are
// deterministic and idempotent, so running this twice changes nothing.
const path = require('node:path');
const { ensureInfra } = require('../infra/local/infra.js');
const { root, services, build, runNode } = require('./lib');

/** Today in the district (UTC+8): every service's seed anchors its calendar to the same day. */
const districtToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function seedAll({ skipBuild = false, env = process.env } = {}) {
  if (!skipBuild) build();
  env = { ...env, SEED_AS_OF: env.SEED_AS_OF || districtToday() };
  console.log(`seed calendar as of ${env.SEED_AS_OF} (history before it, rota and upcoming activities after it)`);
  for (const name of services()) {
    const started = Date.now();
    console.log(`seeding ${name}…`);
    const code = await runNode(path.join(root, 'services', name, 'dist', 'seed.js'), [], env, `[seed ${name}] `);
    if (code !== 0) throw new Error(`seeding ${name} failed (exit ${code})`);
    console.log(`seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

module.exports = { seedAll };

if (require.main === module) {
  (async () => {
    const { mongoUrl, kafkaBrokers } = await ensureInfra({ detached: true });
    await seedAll({ env: { ...process.env, MONGO_URL: mongoUrl, KAFKA_BROKERS: String(kafkaBrokers) } });
  })().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
