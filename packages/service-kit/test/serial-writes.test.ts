import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { connectMongo } from '../src/mongo';

describe('single-document atomicity on the Mongo-wire store', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', `kit_${randomBytes(4).toString('hex')}`);
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
});
