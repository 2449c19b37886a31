#!/usr/bin/env node
'use strict';
// `npm run seed`: builds, then runs every service's seed in dependency order
// (registry, social-orgs, activities, resident-services, credits). Seeds are
// deterministic and idempotent, so running this twice changes nothing.
const path = require('node:path');
const { ensureInfra } = require('../infra/local/infra.js');
const { root, services, build, runNode } = require('./lib');

async function seedAll({ skipBuild = false, env = process.env } = {}) {
  if (!skipBuild) build();
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
