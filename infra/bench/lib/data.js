'use strict';
/**
 * The bench's data: the services' own deterministic seeds run into the bench databases
 * (bench_<service>), read-model rows for services that have no seed yet, a purge of
 * what earlier bench runs wrote (so every run reads the same data), and the fixtures
 * the mutation mix needs (one open activity per community, a web-orderable service item).
 */
const fs = require('node:fs');
const path = require('node:path');
const { fork } = require('node:child_process');
const mongoose = require('mongoose');
const { root } = require('./ts-register');
const { SERVICES, benchDb } = require('./stack');
const { BENCH_MARK, fixtures, TokenMinter, staffClaims, adminClaims } = require('./operations');

const hasSeed = (name) => fs.existsSync(path.join(root, 'services', name, 'src', 'seed', 'index.ts'));

/** Runs one seed in a child process; resolves its last lines, rejects on failure or timeout. */
function runSeed(name, env, { timeoutMs = 15 * 60_000, log }) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, '..', 'targets', 'seed.js'), [], {
      env: { ...env, BENCH_SERVICE: name, MONGO_DB: benchDb(name) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const lines = [];
    const collect = (chunk) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 50) lines.shift();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        log(`  ${lines.at(-1) ?? `seeded ${name}`}`);
        resolve(lines);
      } else reject(new Error(`seeding ${name} failed (${signal ?? code}):\n${lines.slice(-10).join('\n')}`));
    });
  });
}

/** Applies `fn` to a connection on a bench database and closes it. */
async function withDb(mongoUrl, dbName, fn) {
  const connection = await mongoose
    .createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 15_000, socketTimeoutMS: 600_000 })
    .asPromise();
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/** Rejects when `promise` takes longer than `ms`, naming `what`. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Reads one document of every collection of a bench database, each within `timeoutMs`, so a
 * store that stopped answering is reported instead of hanging the bench. Resolves whether it holds any data
 * outside read models (known_*) a bench run may have filled.
 */
async function probeDatabase(mongoUrl, dbName, timeoutMs = 90_000) {
  const wedged = `the Mongo store did not answer on database ${dbName} within ${timeoutMs / 1000} s (restart it with 'npm run infra -- down --mongo-only' then 'npm run infra -- up', or point the bench elsewhere: BENCH_DB_PREFIX=<fresh>_ or BENCH_DB_<SERVICE>=<name>)`;
  return withDb(mongoUrl, dbName, async (c) => {
    let holdsData = false;
    for (const { name } of await within(c.db.listCollections().toArray(), timeoutMs, wedged)) {
      if (name.startsWith('system.')) continue;
      const doc = await within(c.db.collection(name).findOne({}), timeoutMs, wedged);
      if (doc !== null && !name.startsWith('known_')) holdsData = true;
    }
    return holdsData;
  });
}

/**
 * Seeds the bench databases: every service that has `src/seed/index.ts` runs it when its database
 * is empty (or with `reseed`; seeds are idempotent);
 * a service without one gets the read-model rows registry's events would have given it
 * (known communities; for resident-services also known residents), so its queries and
 * mutations have something to work on. Returns notes for the report.
 */
/** The bench's own note in each bench database that the service's seed ran to its end. */
const SEED_MARKER = 'bench_seed';

async function seedBenchData({ mongoUrl, env, reseed = false, log = console.log }) {
  const notes = [];
  for (const name of SERVICES) {
    const holdsData = await probeDatabase(mongoUrl, benchDb(name));
    if (hasSeed(name)) {
      // A seed that ran to its end leaves a marker; data without one is an unfinished seed.
      const marker = await withDb(mongoUrl, benchDb(name), (c) => c.db.collection(SEED_MARKER).findOne({ _id: 'seeded' }));
      if (!reseed && marker) {
        log(
          `  ${name}: ${benchDb(name)} was seeded by an earlier run (${marker.at.toISOString()}); not seeded again (--reseed to run its seed anyway)`,
        );
        continue;
      }
      log(
        `  seeding ${name} (its own seed, ${benchDb(name)}${holdsData && !marker ? ', finishing an earlier seed: seeds are idempotent' : ''})…`,
      );
      await runSeed(name, env, { log });
      await withDb(mongoUrl, benchDb(name), (c) =>
        c.db.collection(SEED_MARKER).updateOne({ _id: 'seeded' }, { $set: { at: new Date() } }, { upsert: true }),
      );
    } else {
      notes.push(
        `${name} has no seed yet (services/${name}/src/seed/index.ts): the bench filled only its read models (known communities${name === 'resident-services' ? ', known residents' : ''}).`,
      );
    }
  }
  const { CommunityDirectory } = require('@sanshe/community-directory');
  const { communities, residentsByCommunity } = fixtures();
  const f = require('@sanshe/seed-fixtures');
  for (const name of SERVICES.filter((n) => !hasSeed(n) && n !== 'registry')) {
    await withDb(mongoUrl, benchDb(name), async (connection) => {
      const known = f.COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban }));
      await new CommunityDirectory(connection).rememberAll(known);
      if (name === 'resident-services') {
        const collection = connection.db.collection('known_residents');
        if (
          (await connection.db.command({ collStats: 'known_residents' }).then(
            (s) => s.count,
            () => 0,
          )) < f.RESIDENT_COUNT
        ) {
          const rows = [...residentsByCommunity.values()]
            .flat()
            .map((r) => ({ _id: r.id, communityId: r.communityId, streetId: communities.find((c) => c.id === r.communityId)?.streetId }));
          for (let i = 0; i < rows.length; i += 1_000) {
            await collection.bulkWrite(
              rows
                .slice(i, i + 50)
                .map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })),
              { ordered: false },
            );
          }
        }
      }
    });
    log(`  ${name}: read models filled (no seed of its own yet)`);
  }
  return notes;
}

/**
 * Removes what earlier bench runs wrote through the mutation mix (titles and summaries
 * start with BENCH_MARK), so each run starts from the seeded data. Returns the counts.
 */
async function purgeBenchWrites({ mongoUrl }) {
  const marker = new RegExp(`^${BENCH_MARK}`);
  const purged = {};
  purged.activities = await withDb(
    mongoUrl,
    benchDb('activities'),
    async (c) => (await c.db.collection('activities').deleteMany({ title: marker })).deletedCount,
  );
  purged.serviceOrders = await withDb(mongoUrl, benchDb('resident-services'), async (c) => {
    const orders = await c.db
      .collection('service_orders')
      .find({ summary: marker }, { projection: { _id: 1 } })
      .toArray();
    const ids = orders.map((o) => o._id);
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      await c.db.collection('deadline_watch').deleteMany({ _id: { $in: batch } });
      await c.db.collection('service_orders').deleteMany({ _id: { $in: batch } });
    }
    return ids.length;
  });
  return purged;
}

/** Document counts of the bench databases, so the report shows what the figures ran on. */
async function dataSizes({ mongoUrl }) {
  const sizes = {};
  for (const name of SERVICES) {
    sizes[name] = await withDb(mongoUrl, benchDb(name), async (c) => {
      const out = {};
      for (const { name: collection } of await c.db.listCollections().toArray()) {
        if (collection.startsWith('system.')) continue;
        // The count command (not collStats: mongo-java-server's collStats count is not the number of
        // documents, it reported 5 activities for 1,079).
        out[collection] = await c.db.collection(collection).estimatedDocumentCount();
      }
      return out;
    });
  }
  return sizes;
}

async function post(url, token, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  return res.json();
}

/**
 * What the mutation mix needs, made through the Sanshe gateway: a published activity with
 * room for everyone in every community, and a service item residents may order on the web
 * without required intake answers.
 */
async function prepareMutationContext({ gatewayUrl, log = console.log }) {
  const minter = new TokenMinter();
  const admin = await minter.mint(adminClaims());
  const catalogue = await post(gatewayUrl, admin, {
    query: '{ serviceCatalog { categories { items { code channels attributes { required } } } } }',
  });
  const items = catalogue.data?.serviceCatalog?.categories?.flatMap((c) => c.items) ?? [];
  const item = items.find((i) => i.channels.includes('WEB') && i.attributes.every((a) => !a.required));
  const problems = [];
  if (!item)
    problems.push(`no web-orderable service item without required answers (${catalogue.errors?.[0]?.message ?? `${items.length} items`})`);

  const { communities } = fixtures();
  const activityByCommunity = {};
  const startsAt = new Date(Date.now() + 60 * 24 * 3600 * 1000);
  startsAt.setUTCHours(2, 0, 0, 0);
  let failed = 0;
  const queue = [...communities];
  const worker = async () => {
    for (let community = queue.shift(); community; community = queue.shift()) {
      const staff = await minter.mint(staffClaims(community));
      const created = await post(gatewayUrl, staff, {
        query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
        variables: {
          input: {
            title: `${BENCH_MARK}报名 ${community.id}`,
            category: 'PEOPLES_TEAHOUSE',
            communityId: community.id,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000).toISOString(),
            capacity: 100_000,
          },
        },
      }).catch((err) => ({ errors: [{ message: err.message }] }));
      const id = created.data?.createActivity?.id;
      const published = id
        ? await post(gatewayUrl, staff, { query: 'mutation($id: ID!) { publishActivity(id: $id) { status } }', variables: { id } }).catch(
            (err) => ({ errors: [{ message: err.message }] }),
          )
        : created;
      if (published.data?.publishActivity?.status === 'PUBLISHED') activityByCommunity[community.id] = id;
      else {
        failed += 1;
        if (failed === 1) problems.push(`bench activity in ${community.id}: ${published.errors?.[0]?.message ?? 'not published'}`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  log(
    `  mutation mix: ${Object.keys(activityByCommunity).length}/${communities.length} bench activities published; service item ${item?.code ?? 'none'}`,
  );
  return { activityByCommunity, itemCode: item?.code ?? 'C01-01', problems };
}

module.exports = { probeDatabase, seedBenchData, purgeBenchWrites, dataSizes, prepareMutationContext, hasSeed, withDb, post };
