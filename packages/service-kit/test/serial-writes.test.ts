import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { connectMongo } from '../src/mongo';

describe('single-document atomicity on the Mongo-wire store', () => {
  let connection: Connection;
  const updateFilters: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(`${url}?monitorCommands=true`, `kit_${randomBytes(4).toString('hex')}`);
    connection.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'update') updateFilters.push(...(e.command.updates as { q: Record<string, unknown> }[]).map((u) => u.q));
    });
  });
  afterAll(() => connection.close());

  const counterSchema = new Schema({ _id: String, n: Number, version: Number }, { versionKey: false });

  it('loses no increment when 25 writers hit one document at once', async () => {
    const Counter = connection.model('Counter', counterSchema);
    await Counter.create({ _id: 'c', n: 0, version: 0 });
    await Promise.all(Array.from({ length: 25 }, () => Counter.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
    expect((await Counter.findById('c').lean())?.n).toBe(25);
  });

  it('lets exactly one of many writers guarded by the same version win', async () => {
    const Guarded = connection.model('Guarded', counterSchema);
    await Guarded.create({ _id: 'g', n: 0, version: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => Guarded.findOneAndUpdate({ _id: 'g', version: 0 }, { $set: { n: i + 1 }, $inc: { version: 1 } }, { new: true }).lean()),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await Guarded.findById('g').lean())?.version).toBe(1);
  });

  it('keeps the meaning of conditional updates it answers by _id: matches, misses, operators, casts and arrays', async () => {
    const Item = connection.model('Item', new Schema({ _id: String, status: String, n: Number, tags: [String], at: Date, rows: [{ _id: false, k: String, v: Number }] }, { versionKey: false }));
    await Item.create({ _id: 'i', status: 'DRAFT', n: 1, tags: ['a', 'b'], at: new Date('2026-11-27T00:00:00Z'), rows: [{ k: 'x', v: 1 }, { k: 'y', v: 2 }] });
    const set = async (filter: Record<string, unknown>, n: number) => (await Item.updateOne({ _id: 'i', ...filter }, { $set: { n } })).modifiedCount;
    expect(await set({ status: 'PUBLISHED' }, 2)).toBe(0);
    expect(await set({ status: 'DRAFT', n: { $lt: 5 } }, 2)).toBe(1);
    expect(await set({ status: { $ne: 'DRAFT' } }, 3)).toBe(0);
    expect(await set({ tags: 'b' }, 3)).toBe(1);
    expect(await set({ tags: { $nin: ['a'] } }, 4)).toBe(0);
    expect(await set({ at: { $gte: '2026-11-26T00:00:00Z' } }, 4)).toBe(1); // cast to a Date, as the store would
    expect(await set({ missing: { $exists: true } }, 5)).toBe(0);
    expect(await set({ $or: [{ status: 'PUBLISHED' }, { n: 4 }] }, 5)).toBe(1);
    const found = await Item.findOneAndUpdate({ _id: 'i', status: 'DRAFT' }, { $set: { status: 'PUBLISHED' } }, { new: true }).lean();
    expect(found?.status).toBe('PUBLISHED');
    expect(await Item.findOneAndUpdate({ _id: 'i', status: 'DRAFT' }, { $set: { status: 'CANCELLED' } }, { new: true }).lean()).toBeNull();
    // Dotted paths into arrays of subdocuments, next to a top-level field.
    // What reached the store: the document's _id alone, or an _id that matches nothing.
    updateFilters.length = 0;
    expect(await set({ status: 'PUBLISHED', n: 5 }, 5)).toBe(0);
    expect(await set({ status: 'DRAFT' }, 5)).toBe(0);
    expect(updateFilters).toEqual([{ _id: 'i' }, { _id: expect.stringContaining('no-match') }]);
    expect(await set({ status: 'PUBLISHED', 'rows.k': 'z' }, 6)).toBe(0);
    expect(await set({ status: 'PUBLISHED', 'rows.k': 'y', rows: { $elemMatch: { k: 'y', v: 2 } } }, 6)).toBe(1);
    expect(await Item.findById('i').lean()).toMatchObject({ status: 'PUBLISHED', n: 6 });
  });
});
