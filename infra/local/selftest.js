#!/usr/bin/env node
'use strict';
/**
 * Self-test of the local infrastructure: node infra/local/selftest.js [--no-restart] [--kafka-only|--mongo-only]
 *
 * Kafka (kafkajs): create topic, idempotent producer (acks -1, maxInFlightRequests 1), consumer group
 *   with committed offsets; then stopKafka() + startKafka() and check the topic, its messages and the
 *   group's committed offsets survived (the consumer resumes after the committed offset).
 * Mongo (mongoose): unique index -> E11000, findOneAndUpdate with $push/$pull on subdocument arrays,
 *   bulkWrite, $in, and a few more operators the services rely on.
 *
 * Leaves Kafka and the Mongo-wire store running. Exit code 0 when every check passed.
 */

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const infra = require('./infra.js');

const results = [];
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - t0} ms)${note ? ` -- ${note}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg || 'assertion failed');
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function consumeN(kafka, groupId, topic, n, timeoutMs = 60000) {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
  const got = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done;
  const finished = new Promise((r) => (done = r));
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: t, partition, message }) => {
      got.push(message.value.toString());
      await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      if (got.length >= n) done();
    },
  });
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  // A little extra time to catch messages that should NOT be there.
  await sleep(1500);
  await consumer.disconnect();
  return got;
}

async function kafkaChecks(brokers, restart) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'sanshe-selftest',
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
    ...require('./kafka-auth.js').kafkaClientAuth(),
  });
  const topic = `sanshe-selftest-${Date.now()}`;
  const groupId = `${topic}-group`;
  const admin = kafka.admin();

  await check('kafka: admin connect + describeCluster', async () => {
    await admin.connect();
    const c = await admin.describeCluster();
    return `clusterId ${c.clusterId}, brokers ${c.brokers.map((b) => `${b.host}:${b.port}`).join(',')}`;
  });
  await check('kafka: createTopics (3 partitions)', async () => {
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    assert(created === true, 'createTopics returned false');
  });

  const produce = async (from, to) => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = from; i < to; i++) {
      const r = await producer.send({ topic, acks: -1, messages: [{ key: `k${i % 5}`, value: `m${i}` }] });
      assert(r[0].errorCode === 0, `errorCode ${r[0].errorCode}`);
    }
    await producer.disconnect();
  };

  await check('kafka: idempotent producer, acks -1, maxInFlightRequests 1 (10 msgs)', () => produce(0, 10));
  await check('kafka: consumer group consumes 10 and commits', async () => {
    const got = await consumeN(kafka, groupId, topic, 10);
    assert(got.length === 10, `got ${got.length}: ${got}`);
  });
  await check('kafka: fetchOffsets shows committed offsets = 10', async () => {
    const offs = await admin.fetchOffsets({ groupId, topics: [topic] });
    const sum = offs[0].partitions.reduce((s, p) => s + Number(p.offset), 0);
    assert(sum === 10, `committed sum ${sum}`);
  });
  await check('kafka: auto-create topic on produce', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
    await producer.connect();
    await producer.send({ topic: `${topic}-auto`, acks: -1, messages: [{ value: 'x' }] });
    await producer.disconnect();
    const md = await admin.fetchTopicMetadata({ topics: [`${topic}-auto`] });
    return `${md.topics[0].partitions.length} partitions`;
  });
  await admin.disconnect();

  if (!restart) return;

  await check('kafka: stopKafka() -> port 9092 closed', async () => {
    const r = await infra.stopKafka();
    assert(r.stopped, `not stopped: ${r.reason}`);
    assert(!(await infra.kafkaAnswers()), 'still answers');
    return `stopped in ${r.ms} ms`;
  });
  await check('kafka: startKafka() again', async () => {
    const r = await infra.startKafka({ quiet: true });
    assert(r.started, 'did not start');
    return `ready in ${r.ms} ms`;
  });
  const admin2 = kafka.admin();
  await check('kafka: topic and its 10 messages survived the restart', async () => {
    await admin2.connect();
    const topics = await admin2.listTopics();
    assert(topics.includes(topic), 'topic missing');
    const offs = await admin2.fetchTopicOffsets(topic);
    const sum = offs.reduce((s, p) => s + Number(p.high), 0);
    assert(sum === 10, `high watermark sum ${sum}`);
  });
  await check('kafka: committed offsets survived the restart', async () => {
    const offs = await admin2.fetchOffsets({ groupId, topics: [topic] });
    const sum = offs[0].partitions.reduce((s, p) => s + Number(p.offset), 0);
    assert(sum === 10, `committed sum ${sum}`);
  });
  await check('kafka: produce 5 more after restart', () => produce(10, 15));
  await check('kafka: same group resumes from committed offsets (gets only the 5 new)', async () => {
    const got = await consumeN(kafka, groupId, topic, 5);
    assert(got.length === 5, `got ${got.length}: ${got}`);
    assert(
      got.every((v) => Number(v.slice(1)) >= 10),
      `old messages redelivered: ${got}`,
    );
  });
  await admin2.deleteTopics({ topics: [topic, `${topic}-auto`] }).catch(() => {});
  await admin2.disconnect();
}

async function mongoChecks(mongoUrl) {
  const mongoose = require('mongoose');
  const conn = await mongoose
    .createConnection(`${mongoUrl.replace(/\/$/, '')}/sanshe_selftest`, { serverSelectionTimeoutMS: 5000 })
    .asPromise();
  await conn.dropDatabase();

  const Item = new mongoose.Schema({ sku: String, qty: Number }, { _id: true });
  const Order = conn.model(
    'Order',
    new mongoose.Schema({
      code: { type: String, required: true, unique: true },
      status: String,
      tags: [String],
      items: [Item],
      n: { type: Number, default: 0 },
      meta: { by: String, at: Date },
    }),
  );

  await check('mongo: syncIndexes (unique index)', async () => {
    await Order.syncIndexes();
    const idx = await Order.collection.indexes();
    assert(
      idx.some((i) => i.key.code === 1 && i.unique),
      JSON.stringify(idx),
    );
  });
  await check('mongo: insert', async () => {
    await Order.create({ code: 'A', status: 'new', items: [{ sku: 's1', qty: 1 }] });
    await Order.insertMany([
      { code: 'B', status: 'new' },
      { code: 'C', status: 'done' },
    ]);
  });
  await check('mongo: duplicate key -> E11000 / code 11000', async () => {
    try {
      await Order.create({ code: 'A' });
    } catch (e) {
      assert(e.code === 11000, `code ${e.code}`);
      assert(/E11000/.test(e.message), e.message);
      return `keyPattern=${JSON.stringify(e.keyPattern)} keyValue=${JSON.stringify(e.keyValue)}`;
    }
    throw new Error('no error');
  });
  await check('mongo: findOneAndUpdate $push subdocument', async () => {
    const d = await Order.findOneAndUpdate({ code: 'A' }, { $push: { items: { sku: 's2', qty: 2 } }, $inc: { n: 1 } }, { new: true });
    assert(d.items.length === 2 && d.items[1].sku === 's2' && d.n === 1, JSON.stringify(d));
  });
  await check('mongo: findOneAndUpdate $pull of an exact (stored) subdocument', async () => {
    const cur = await Order.findOne({ code: 'A' }).lean();
    const d = await Order.findOneAndUpdate({ code: 'A' }, { $pull: { items: cur.items[0] } }, { new: true });
    assert(d.items.length === 1 && d.items[0].sku === 's2', JSON.stringify(d.items));
  });
  await check('mongo: read-modify-write of a subdocument array ($set + __v optimistic filter)', async () => {
    const cur = await Order.findOne({ code: 'A' }).lean();
    const items = cur.items.filter((i) => i.sku !== 's2');
    const d = await Order.findOneAndUpdate({ _id: cur._id, __v: cur.__v }, { $set: { items }, $inc: { __v: 1 } }, { new: true });
    assert(d && d.items.length === 0, JSON.stringify(d));
    const stale = await Order.findOneAndUpdate({ _id: cur._id, __v: cur.__v }, { $set: { items } }, { new: true });
    assert(stale === null, 'stale write matched');
  });
  await check('mongo: mongoose subdoc edit + push + save (numeric paths)', async () => {
    const doc = await Order.findOne({ code: 'A' });
    doc.items.push({ sku: 'm1', qty: 1 }, { sku: 'm2', qty: 1 });
    await doc.save();
    const again = await Order.findOne({ code: 'A' });
    again.items[1].qty = 5;
    await again.save();
    const d = await Order.findOne({ code: 'A' }).lean();
    assert(d.items.map((i) => `${i.sku}:${i.qty}`).join() === 'm1:1,m2:5', JSON.stringify(d.items));
  });
  await check('mongo: $inc on an array element by index (items.1.qty)', async () => {
    await Order.updateOne({ code: 'A' }, { $inc: { 'items.1.qty': 1 } });
    const d = await Order.findOne({ code: 'A' }).lean();
    assert(d.items[1].qty === 6, JSON.stringify(d.items));
  });
  await check('mongo: $pull of a scalar from an array of strings', async () => {
    await Order.updateOne({ code: 'A' }, { $push: { tags: { $each: ['t1', 't2'] } } });
    const d = await Order.findOneAndUpdate({ code: 'A' }, { $pull: { tags: 't1' } }, { new: true });
    assert(d.tags.join() === 't2', JSON.stringify(d.tags));
  });
  await check('mongo: findOneAndUpdate upsert + $setOnInsert + returnDocument', async () => {
    const d = await Order.findOneAndUpdate({ code: 'U' }, { $set: { status: 'x' }, $setOnInsert: { n: 7 } }, { upsert: true, new: true });
    assert(d.code === 'U' && d.n === 7, JSON.stringify(d));
  });
  await check('mongo: optimistic update (filter on status) matches 0 when stale', async () => {
    const r = await Order.updateOne({ code: 'B', status: 'done' }, { $set: { status: 'zzz' } });
    assert(r.matchedCount === 0, JSON.stringify(r));
  });
  await check('mongo: $addToSet / $each', async () => {
    const d = await Order.findOneAndUpdate({ code: 'B' }, { $addToSet: { tags: { $each: ['a', 'b', 'a'] } } }, { new: true });
    assert(d.tags.join() === 'a,b', JSON.stringify(d.tags));
  });
  await Order.updateOne(
    { code: 'C' },
    {
      $push: {
        items: {
          $each: [
            { sku: 'p', qty: 1 },
            { sku: 'q', qty: 6 },
          ],
        },
      },
    },
  );
  await check('mongo: bulkWrite (insertOne, updateOne upsert, updateMany, deleteOne)', async () => {
    const r = await Order.bulkWrite(
      [
        { insertOne: { document: { code: 'D', status: 'new' } } },
        { updateOne: { filter: { code: 'E' }, update: { $set: { status: 'new' } }, upsert: true } },
        { updateMany: { filter: { status: 'new' }, update: { $set: { 'meta.by': 'bulk' } } } },
        { deleteOne: { filter: { code: 'U' } } },
      ],
      { ordered: true },
    );
    assert(r.insertedCount === 1 && r.upsertedCount === 1 && r.deletedCount === 1, JSON.stringify(r));
    return `matched ${r.matchedCount} modified ${r.modifiedCount}`;
  });
  await check('mongo: bulkWrite duplicate -> BulkWriteError 11000', async () => {
    try {
      await Order.bulkWrite([{ insertOne: { document: { code: 'D' } } }]);
    } catch (e) {
      const code = e.code || (e.writeErrors && e.writeErrors[0] && e.writeErrors[0].code);
      assert(code === 11000, `code ${code} ${e.name}`);
      return e.name;
    }
    throw new Error('no error');
  });
  await check('mongo: $in query + sort + limit + countDocuments', async () => {
    const docs = await Order.find({ code: { $in: ['A', 'B', 'D', 'nope'] } })
      .sort({ code: -1 })
      .limit(2)
      .lean();
    assert(docs.map((d) => d.code).join() === 'D,B', docs.map((d) => d.code).join());
    const n = await Order.countDocuments({ status: { $in: ['new', 'done'] } });
    return `count=${n}`;
  });
  await check('mongo: dot-notation queries into subdocuments and arrays (meta.by, items.sku)', async () => {
    const a = await Order.countDocuments({ 'meta.by': 'bulk' });
    const b = await Order.countDocuments({ 'items.sku': 'q' });
    const c = await Order.countDocuments({ 'items.qty': { $gte: 5 } });
    assert(a >= 2 && b === 1 && c === 2, `${a} ${b} ${c}`);
  });
  await check('mongo: aggregate $match/$group/$sort', async () => {
    const r = await Order.aggregate([
      { $match: { status: { $exists: true } } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    assert(r.length >= 1, JSON.stringify(r));
  });
  await check('mongo: deleteMany + distinct', async () => {
    const codes = await Order.distinct('code');
    const r = await Order.deleteMany({ code: { $in: ['E'] } });
    assert(r.deletedCount === 1 && codes.length >= 4, JSON.stringify(r));
  });
  await check('mongo: compound + unique compound + sparse unique index creation', async () => {
    await Order.collection.createIndex({ status: 1, code: -1 });
    await Order.collection.createIndex({ status: 1, n: 1 }, { unique: false });
    await Order.collection.createIndex({ 'meta.by': 1, code: 1 }, { unique: true, sparse: true });
  });

  // Known gaps of the embedded store (MongoDB 7 does all of these). Reported, never failing the run;
  // "SILENT" means the store answers ok but does the wrong thing.
  console.log('  known gaps of this store (outside the Mongo subset; must not be used by Sanshe code):');
  const gap = async (name, fn) => {
    try {
      const r = await fn();
      console.log(`    ${r === true ? 'works here ' : 'SILENT     '} ${name}${r === true ? '' : ` -> ${r}`}`);
    } catch (e) {
      console.log(`    error       ${name} -> ${String(e.message).split('\n')[0].slice(0, 110)}`);
    }
  };
  await Order.create({
    code: 'G',
    items: [
      { sku: 'g1', qty: 1 },
      { sku: 'g2', qty: 2 },
    ],
    tags: ['x', 'y'],
  });
  const gItems = async () => (await Order.findOne({ code: 'G' }).lean()).items.map((i) => i.sku).join();
  await gap('$pull with a condition ({items: {sku}})', async () => {
    await Order.updateOne({ code: 'G' }, { $pull: { items: { sku: 'g1' } } });
    return (await gItems()) === 'g2' || `items still ${await gItems()}`;
  });
  await gap('$pull by _id ({items: {_id}}) / mongoose doc.items.pull(id)+save', async () => {
    const doc = await Order.findOne({ code: 'G' });
    doc.items.pull(doc.items[0]._id);
    await doc.save();
    return (await gItems()) === 'g2' || `items still ${await gItems()}`;
  });
  await gap('$pull with an operator ({tags: {$in: [..]}})', async () => {
    const d = await Order.findOneAndUpdate({ code: 'G' }, { $pull: { tags: { $in: ['x'] } } }, { new: true });
    return d.tags.join() === 'y' || `tags still ${d.tags}`;
  });
  await gap('$elemMatch on subdocument fields', async () => {
    const n = await Order.countDocuments({ code: 'G', items: { $elemMatch: { sku: 'g2' } } });
    return n === 1 || `matched ${n}`;
  });
  await gap('$push with $slice / $position', async () => {
    const d = await Order.findOneAndUpdate({ code: 'G' }, { $push: { tags: { $each: ['z'], $position: 0 } } }, { new: true });
    return d.tags[0] === 'z' || `tags ${d.tags}`;
  });
  await gap('positional $ update (items.$.qty)', async () => {
    await Order.updateOne({ code: 'G', 'items.sku': 'g2' }, { $set: { 'items.$.qty': 9 } });
    return true;
  });
  await gap('arrayFilters (items.$[x].qty)', async () => {
    await Order.updateOne({ code: 'G' }, { $set: { 'items.$[x].qty': 9 } }, { arrayFilters: [{ 'x.sku': 'g2' }] });
    return true;
  });
  await gap('TTL index (expireAfterSeconds)', async () => {
    await Order.collection.createIndex({ 'meta.at': 1 }, { expireAfterSeconds: 3600 });
    return true;
  });
  await gap('partial index (partialFilterExpression)', async () => {
    await Order.collection.createIndex({ status: 1 }, { partialFilterExpression: { status: { $exists: true } } });
    return true;
  });
  await gap('$lookup', async () => {
    await Order.aggregate([{ $lookup: { from: 'orders', localField: 'code', foreignField: 'code', as: 'j' } }]);
    return true;
  });
  await gap('E11000 error carries keyPattern/keyValue', async () => {
    try {
      await Order.create({ code: 'G' });
    } catch (e) {
      return e.keyValue ? true : `code ${e.code}, keyValue ${e.keyValue} (use err.code === 11000 only)`;
    }
    return 'no error';
  });
  await gap('multi-document transaction', async () => {
    const s = await conn.startSession();
    try {
      await s.withTransaction(async () => {
        await Order.create([{ code: 'T' }], { session: s });
      });
      return true;
    } finally {
      await s.endSession().catch(() => {});
    }
  });
  await conn.dropDatabase();
  await conn.close();
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const t0 = Date.now();
  const env = await infra.ensureInfra({ detached: true, kafka: !args.has('--mongo-only'), mongo: !args.has('--kafka-only') });
  console.log(`infra ready in ${Date.now() - t0} ms (started: ${env.started.join(',') || 'nothing'})`);
  if (!args.has('--mongo-only')) {
    console.log(`Kafka ${env.kafkaBrokers}`);
    await kafkaChecks(env.kafkaBrokers, !args.has('--no-restart') && !process.env.KAFKA_BROKERS);
  }
  if (!args.has('--kafka-only')) {
    console.log(`Mongo ${env.mongoUrl}`);
    await mongoChecks(env.mongoUrl);
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`${results.length - failed.length}/${results.length} checks passed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
