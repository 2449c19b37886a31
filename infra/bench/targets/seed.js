'use strict';
/**
 * Runs one service's own seed (services/<name>/src/seed/index.ts, `seed({ env, log })`) against
 * the bench database named by MONGO_DB. Seeds are deterministic and idempotent, so this
 * costs a marker lookup when the database is already seeded.
 */
require('../lib/ts-register');

const name = process.env.BENCH_SERVICE;
// Seeding stops with the bench that asked for it.
process.on('disconnect', () => process.exit(1));
const started = Date.now();
const { seed } = require(`@sanshe/${name}/seed`);
seed({ env: process.env, log: (line) => console.log(line) }).then(
  () => {
    console.log(`seeded ${name} into ${process.env.MONGO_DB} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  },
  (err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  },
);
