import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

type MongoClient = mongoose.mongo.MongoClient;
type Collection<T extends Document> = mongoose.mongo.Collection<T>;
type Db = mongoose.mongo.Db;
type Document = mongoose.mongo.Document;

/**
 * What the services rely on the store for, checked against the store itself: the embedded
 * mongo-java-server under `npm test`, MongoDB 7 with `SANSHE_TEST_INFRA=containers` (same file,
 * no branch on the engine). The parallel writers use separate clients, so no single socket
 * serialises them. Each case names the code that depends on it.
 */
const WRITERS = 5;
const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/$/, '');

describe('the Mongo-wire store', () => {
  const dbName = `t${randomBytes(4).toString('hex')}_store_conformance`;
  const clients: MongoClient[] = [];
  let dbs: Db[];
  let n = 0;

  /** The same collection through every client: `writers[i % WRITERS]` spreads work across sockets. */
  const fresh = (): Collection<Document>[] => {
    n += 1;
    return dbs.map((db) => db.collection(`c${n}`));
  };
  const via = <T>(writers: Collection<Document>[], count: number, work: (c: Collection<Document>, i: number) => Promise<T>) =>
    Promise.allSettled(Array.from({ length: count }, (_, i) => work(writers[i % writers.length]!, i)));
  const duplicate = (r: PromiseSettledResult<unknown>) => r.status === 'rejected' && (r.reason as { code?: number }).code === 11000;

  beforeAll(async () => {
    for (let i = 0; i < WRITERS; i += 1) clients.push(await new mongoose.mongo.MongoClient(url, { maxPoolSize: 10 }).connect());
    dbs = clients.map((c) => c.db(dbName));
  });

  afterAll(async () => {
    await dbs?.[0]?.dropDatabase().catch(() => undefined);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('applies 50 parallel $inc on one document exactly (counters, seat and stock figures)', async () => {
    const writers = fresh();
    await writers[0]!.insertOne({ _id: 'counter' as never, n: 0 });
    const results = await via(writers, 50, (c) => c.updateOne({ _id: 'counter' as never }, { $inc: { n: 1 } }));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await writers[0]!.findOne({ _id: 'counter' as never }))?.n).toBe(50);
  });

  it('lets exactly one of 20 parallel version-guarded updates win (order steps, rankings, activity compare-and-set)', async () => {
    const writers = fresh();
    await writers[0]!.insertOne({ _id: 'order' as never, status: 'SUBMITTED', version: 3 });
    const results = await via(writers, 20, (c, i) =>
      c.findOneAndUpdate(
        { _id: 'order' as never, status: 'SUBMITTED', version: 3 },
        { $set: { status: 'ACCEPTED', by: i }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ),
    );
    const winners = results.filter((r) => r.status === 'fulfilled' && r.value !== null);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(winners).toHaveLength(1);
    expect(await writers[0]!.findOne({ _id: 'order' as never })).toMatchObject({ status: 'ACCEPTED', version: 4 });
  });

  it('admits one of 20 concurrent inserts under a unique index and refuses the rest with code 11000 (ledger positions, contract claims)', async () => {
    const writers = fresh();
    await writers[0]!.createIndex({ key: 1 }, { unique: true });
    const results = await via(writers, 20, (c, i) => c.insertOne({ _id: `entry-${i}` as never, key: 'posting-1|debit' }));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter(duplicate)).toHaveLength(19);
    expect(await writers[0]!.countDocuments({ key: 'posting-1|debit' })).toBe(1);
  });

  it('admits one of 20 concurrent inserts of one _id and refuses the rest with code 11000 (claims, outcomes, postings)', async () => {
    const writers = fresh();
    const results = await via(writers, 20, (c) => c.insertOne({ _id: 'same' as never }));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter(duplicate)).toHaveLength(19);
  });

  it('hands out distinct numbers from 40 racing findOneAndUpdate upserts of a counter, read from the pre-image (order numbers)', async () => {
    const writers = fresh();
    const results = await via(writers, 40, (c) =>
      c.findOneAndUpdate({ _id: 'service-order:2026-12-05' as never }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'before' }),
    );
    // MongoDB retries an `_id`-keyed upsert that lost the insert race; a store that surfaced
    // the duplicate key here would break the order numbering, which does not retry.
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const numbers = results
      .map((r) => (((r as PromiseFulfilledResult<Document | null>).value?.seq as number | undefined) ?? 0) + 1)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await writers[0]!.findOne({ _id: 'service-order:2026-12-05' as never }))?.seq).toBe(40);
  });

  it('stops an ordered insertMany at the first duplicate, and its first write error tells how far it got (venue cell claims)', async () => {
    const [c] = fresh();
    await c!.insertOne({ _id: 'cell-2' as never });
    const err = await c!
      .insertMany([{ _id: 'cell-1' }, { _id: 'cell-2' }, { _id: 'cell-3' }] as never[], { ordered: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(mongoose.mongo.MongoBulkWriteError);
    const failed = (err as InstanceType<typeof mongoose.mongo.MongoBulkWriteError>).writeErrors;
    expect((Array.isArray(failed) ? failed : [failed]).map((e) => [e.index, e.code])).toEqual([[1, 11000]]);
    expect((await c!.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['cell-1', 'cell-2']);
  });

  it('applies an event once under parallel deliveries: filter `applied: {$ne: id}`, $inc and $push in one upsert (statistics buckets)', async () => {
    const writers = fresh();
    const apply = (c: Collection<Document>, eventId: string) =>
      c.updateOne(
        { _id: 'bucket' as never, applied: { $ne: eventId } },
        { $inc: { submitted: 1 }, $push: { applied: eventId }, $setOnInsert: { month: '2026-12' } } as never,
        { upsert: true },
      );
    await writers[0]!.insertOne({ _id: 'bucket' as never, submitted: 0, applied: [], month: '2026-12' });
    const same = await via(writers, 10, (c) => apply(c, 'event-a'));
    const distinct = await via(writers, 20, (c, i) => apply(c, `event-${i}`));
    // A repeated event misses the filter, and its upsert collides on `_id`: "already applied".
    expect([...same, ...distinct].every((r) => r.status === 'fulfilled' || duplicate(r))).toBe(true);
    const bucket = await writers[0]!.findOne({ _id: 'bucket' as never });
    expect(bucket?.submitted).toBe(21); // event-a once, event-0 … event-19 once each
    expect(new Set(bucket?.applied as string[]).size).toBe((bucket?.applied as string[]).length);
  });

  it('claims a member of a set for one writer only: `$ne` on the array in the filter with $addToSet (activity holders, check-in codes)', async () => {
    const writers = fresh();
    await writers[0]!.insertOne({ _id: 'activity' as never, holders: [], seatsLeft: 5 });
    const results = await via(writers, 10, (c) =>
      c.updateOne(
        { _id: 'activity' as never, holders: { $ne: 'resident-1' }, seatsLeft: { $gt: 0 } },
        { $addToSet: { holders: 'resident-1' }, $inc: { seatsLeft: -1 } },
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.modifiedCount === 1)).toHaveLength(1);
    expect(await writers[0]!.findOne({ _id: 'activity' as never })).toMatchObject({ holders: ['resident-1'], seatsLeft: 4 });
  });

  it('never takes a guarded figure below zero under parallel decrements (seats, stock)', async () => {
    const writers = fresh();
    await writers[0]!.insertOne({ _id: 'reward' as never, stock: 5 });
    const results = await via(writers, 30, (c) => c.updateOne({ _id: 'reward' as never, stock: { $gt: 0 } }, { $inc: { stock: -1 } }));
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.modifiedCount === 1)).toHaveLength(5);
    expect((await writers[0]!.findOne({ _id: 'reward' as never }))?.stock).toBe(0);
  });

  it('keeps every member of parallel $addToSet and $push, and $pull / $pullAll remove exactly the scalars named (provider desks, groups, holders)', async () => {
    const writers = fresh();
    await writers[0]!.insertOne({ _id: 'desk' as never, open: [], log: [] });
    await via(writers, 25, (c, i) =>
      c.updateOne({ _id: 'desk' as never }, { $addToSet: { open: `order-${i % 20}` }, $push: { log: i } } as never),
    );
    let desk = await writers[0]!.findOne({ _id: 'desk' as never });
    expect((desk?.open as string[]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `order-${i}`).sort());
    expect(desk?.log).toHaveLength(25);
    await via(writers, 5, (c, i) => c.updateOne({ _id: 'desk' as never }, { $pull: { open: `order-${i}` } } as never));
    await writers[1]!.updateOne({ _id: 'desk' as never }, { $pullAll: { open: ['order-5', 'order-6', 'absent'] } } as never);
    desk = await writers[0]!.findOne({ _id: 'desk' as never });
    expect((desk?.open as string[]).sort()).toEqual(Array.from({ length: 13 }, (_, i) => `order-${i + 7}`).sort());
  });

  it('pulls outbox entries by a condition on their id while others are pushed at once, losing none (the relay clearing an outbox)', async () => {
    const writers = fresh();
    const entry = (id: string) => ({ id, topic: 't', key: 'k', payload: '{}', createdAt: new Date() });
    await writers[0]!.insertOne({ _id: 'doc' as never, _outbox: [entry('a'), entry('b')] });
    await Promise.all([
      writers[1]!.updateOne({ _id: 'doc' as never }, { $pull: { _outbox: { id: { $in: ['a', 'b'] } } } } as never),
      ...Array.from({ length: 10 }, (_, i) =>
        writers[i % WRITERS]!.updateOne({ _id: 'doc' as never }, { $push: { _outbox: { $each: [entry(`new-${i}`)] } } } as never),
      ),
    ]);
    const ids = ((await writers[0]!.findOne({ _id: 'doc' as never }))?._outbox as { id: string }[]).map((e) => e.id).sort();
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `new-${i}`).sort());
  });

  it('finds documents with pending outbox entries by the sparse `_outbox.createdAt` index, and not those whose outbox is empty or absent', async () => {
    const [c] = fresh();
    await c!.createIndex({ '_outbox.createdAt': 1 }, { sparse: true });
    await c!.insertMany([
      { _id: 'pending' as never, _outbox: [{ id: 'e1', createdAt: new Date() }] },
      { _id: 'cleared' as never, _outbox: [] },
      { _id: 'never' as never },
    ]);
    const found = await c!.find({ '_outbox.createdAt': { $gte: new Date(0) } }).toArray();
    expect(found.map((d) => d._id)).toEqual(['pending']);
  });

  it('moves a position-keyed hint only forward: a conditional upsert that misses collides on `_id` (ledger head hints, resident records)', async () => {
    const writers = fresh();
    const remember = (c: Collection<Document>, seq: number) =>
      c.updateOne({ _id: 'account' as never, seq: { $lt: seq } }, { $set: { seq } }, { upsert: true });
    const results = await via(writers, 20, (c, i) => remember(c, i + 1));
    expect(results.every((r) => r.status === 'fulfilled' || duplicate(r))).toBe(true);
    // A writer whose upsert collided with the creation retries once, as the code does.
    for (const [i, r] of results.entries())
      if (r.status === 'rejected') await remember(writers[0]!, i + 1).catch((err: { code?: number }) => expect(err.code).toBe(11000));
    expect((await writers[0]!.findOne({ _id: 'account' as never }))?.seq).toBe(20);
    await expect(remember(writers[0]!, 3)).rejects.toMatchObject({ code: 11000 });
    expect((await writers[0]!.findOne({ _id: 'account' as never }))?.seq).toBe(20);
  });

  it('keeps a bounded window with $pop once an index path exists, and $max keeps the latest (registry stats window, provider performance)', async () => {
    const [c] = fresh();
    await c!.insertOne({ _id: 'community' as never, applied: ['e1', 'e2', 'e3'], lastClosedAt: new Date('2026-01-02') });
    await c!.updateOne({ _id: 'community' as never, 'applied.2': { $exists: true } }, { $pop: { applied: -1 } });
    await c!.updateOne({ _id: 'community' as never }, { $max: { lastClosedAt: new Date('2026-01-01') } });
    expect(await c!.findOne({ _id: 'community' as never })).toMatchObject({ applied: ['e2', 'e3'], lastClosedAt: new Date('2026-01-02') });
  });

  it('runs the aggregation stages in use: $match on a dotted path with $in, then $group with $sum of 1 and of a field', async () => {
    const [c] = fresh();
    await c!.insertMany([
      { coBuilding: { committeeId: 'k1' }, from: 'a', to: 'b', amount: 5 },
      { coBuilding: { committeeId: 'k1' }, from: 'a', to: 'c', amount: 7 },
      { coBuilding: { committeeId: 'k2' }, from: 'b', to: 'c', amount: 2 },
      { from: 'c', to: 'a', amount: 1 },
    ]);
    const counts = await c!
      .aggregate<{ _id: string; count: number }>([
        { $match: { 'coBuilding.committeeId': { $in: ['k1', 'k2', 'k3'] } } },
        { $group: { _id: '$coBuilding.committeeId', count: { $sum: 1 } } },
      ])
      .toArray();
    expect(Object.fromEntries(counts.map((r) => [r._id, r.count]))).toEqual({ k1: 2, k2: 1 });
    const credits = await c!.aggregate<{ _id: string; sum: number }>([{ $group: { _id: '$to', sum: { $sum: '$amount' } } }]).toArray();
    expect(Object.fromEntries(credits.map((r) => [r._id, r.sum]))).toEqual({ a: 1, b: 5, c: 9 });
  });

  it('serves `_id: {$in}` reads and keyset pages over an indexed field in _id order (DataLoaders, resident and order lists)', async () => {
    const [c] = fresh();
    await c!.createIndex({ communityId: 1, _id: 1 });
    await c!.insertMany(
      Array.from({ length: 30 }, (_, i) => ({ _id: `r${String(i).padStart(2, '0')}` as never, communityId: i % 3 === 0 ? 'c1' : 'c2' })),
    );
    const byIds = await c!.find({ _id: { $in: ['r01', 'r05', 'missing'] as never[] } }).toArray();
    expect(byIds.map((d) => d._id).sort()).toEqual(['r01', 'r05']);
    const page = await c!
      .find({ communityId: 'c1', _id: { $gt: 'r03' as never } })
      .sort({ _id: 1 })
      .limit(3)
      .toArray();
    expect(page.map((d) => d._id)).toEqual(['r06', 'r09', 'r12']);
  });
  it('applies the whole filter when it pins a unique index next to other conditions (guarded updates, pending outbox by _id, unique claims)', async () => {
    const [c] = fresh();
    await c!.createIndex({ communityId: 1, name: 1 }, { unique: true });
    await c!.insertMany(
      Array.from({ length: 12 }, (_, i) => ({
        _id: `o${String(i).padStart(2, '0')}` as never,
        communityId: `c${i % 3}`,
        name: `n${i}`,
        status: i % 2 === 0 ? 'OPEN' : 'DONE',
        tags: i % 4 === 0 ? ['x'] : [],
      })),
    );
    // _id pinned by value / by $in, with further conditions: only documents meeting all of them.
    expect(await c!.findOne({ _id: 'o01' as never, status: 'OPEN' })).toBeNull();
    const some = await c!.find({ _id: { $in: ['o00', 'o01', 'o04', 'missing'] as never[] }, status: 'OPEN', tags: 'x' }).toArray();
    expect(some.map((d) => d._id).sort()).toEqual(['o00', 'o04']);
    expect(await c!.countDocuments({ _id: { $in: [] as never[] }, status: 'OPEN' })).toBe(0);
    // A compound unique index pinned in full, plus an $or.
    const hit = await c!.find({ communityId: 'c1', name: { $in: ['n1', 'n4', 'n2'] }, $or: [{ status: 'DONE' }, { tags: 'x' }] }).toArray();
    expect(hit.map((d) => d._id).sort()).toEqual(['o01', 'o04']);
    // A guarded update that misses changes nothing; the one that matches changes one document.
    expect((await c!.updateOne({ _id: 'o01' as never, status: 'OPEN' }, { $set: { status: 'CLOSED' } })).matchedCount).toBe(0);
    expect((await c!.updateOne({ _id: 'o02' as never, status: 'OPEN' }, { $set: { status: 'CLOSED' } })).modifiedCount).toBe(1);
    expect(await c!.countDocuments({ status: 'CLOSED' })).toBe(1);
    // A filter that pins only part of the compound index still sees every document it should.
    expect(await c!.countDocuments({ communityId: 'c2', status: 'OPEN' })).toBe(1); // o08 (o02 was just closed)
  });
});
