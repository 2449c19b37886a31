import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '../src/mongo';
import { insertMissing } from '../src/seeding';

/** Against the real store: seeds add what is missing, keep what is there, and say how far they got. */
describe('insertMissing', () => {
  let connection: Connection;
  const docs = Array.from({ length: 25 }, (_, i) => ({ _id: `d${String(i).padStart(2, '0')}`, n: i }));

  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(url, `kit_seeding_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('inserts in batches and reports progress per batch', async () => {
    const lines: string[] = [];
    const result = await insertMissing(connection.collection('first'), docs, { label: 'docs', batchSize: 10, log: (l) => lines.push(l) });
    expect(result).toEqual({ inserted: 25, existing: [] });
    expect(lines).toEqual(['docs: 10/25', 'docs: 20/25', 'docs: 25/25', 'docs: 25 (25 new)']);
    expect(await connection.collection('first').countDocuments()).toBe(25);
  });

  it('leaves documents already there untouched and returns them', async () => {
    const collection = connection.collection('second');
    await collection.insertOne({ _id: 'd03', n: -1 } as never);
    const result = await insertMissing(collection, docs, { label: 'docs', batchSize: 10 });
    expect(result.inserted).toBe(24);
    expect(result.existing.map((d) => d._id)).toEqual(['d03']);
    expect(await collection.findOne({ _id: 'd03' } as never)).toMatchObject({ n: -1 });
  });

  it('skips whole batches seeded before when asked to', async () => {
    const collection = connection.collection('first');
    const result = await insertMissing(collection, docs, { label: 'docs', batchSize: 10, skipBatchesAlreadyThere: true });
    expect(result).toMatchObject({ inserted: 0 });
    expect(result.existing).toHaveLength(25);
  });

  it('stops on any failure but a duplicate key', async () => {
    const broken = {
      findOne: async () => null,
      insertMany: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 14031 })),
    };
    await expect(insertMissing(broken as never, docs, { label: 'docs' })).rejects.toThrow('disk full');
  });
});
