import { randomBytes } from 'node:crypto';
import { connectMongo } from '@sanshe/service-kit';
import { Schema, type Connection } from 'mongoose';
import { KeyedMutex, relayView, serializedWrites } from '@sanshe/activities/data-access/serialized-writes';

interface Seats {
  _id: string;
  seats: number;
  holders: string[];
  log: string[];
}

/**
 * On the local store (FerretDB 1.24, SQLite) concurrent updates of one document can undo
 * each other; these checks run against it and show the per-document queue keeps
 * conditional updates exact, including against the relay's raw clean-up.
 */
describe('serialized writes to one document', () => {
  let connection: Connection;
  const mutex = new KeyedMutex();
  const schema = new Schema<Seats>({ _id: String, seats: Number, holders: [String], log: [String] }, { versionKey: false });
  schema.plugin(serializedWrites(mutex));

  beforeAll(async () => {
    connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', `${randomBytes(4).toString('hex')}_activities_writes`);
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('gives 5 seats to exactly 5 of 20 concurrent conditional updates, and keeps every other update', async () => {
    const Model = connection.model<Seats>('Seats', schema);
    const relay = relayView(Model, mutex);
    // Lost updates on the local store come and go; five rounds make them show when unguarded.
    for (let round = 1; round <= 5; round += 1) {
      const id = `activity-${round}`;
      await Model.create({ _id: id, seats: 5, holders: [], log: [] });
      const attempts = Array.from({ length: 20 }, (_, i) =>
        Model.findOneAndUpdate({ _id: id, seats: { $gt: 0 } }, { $inc: { seats: -1 }, $push: { holders: `r${i}` } }, { new: true }).lean(),
      );
      // Meanwhile, like the outbox relay: raw driver updates of the same document.
      const cleanUps = Array.from({ length: 10 }, (_, i) => relay.collection.updateOne({ _id: id } as never, { $push: { log: `relay-${i}` } } as never));
      const won = (await Promise.all(attempts)).filter(Boolean);
      await Promise.all(cleanUps);
      const doc = await Model.findById(id).lean();
      expect({ round, won: won.length, seats: doc!.seats, holders: doc!.holders.length, log: doc!.log.length }).toEqual({ round, won: 5, seats: 0, holders: 5, log: 10 });
    }
  });

  it('lets the next write through after one fails', async () => {
    const Model = connection.models.Seats ?? connection.model<Seats>('Seats', schema);
    await expect(Model.updateOne({ _id: 'activity-1' }, { $inc: { seats: 'not a number' } })).rejects.toThrow();
    await expect(Model.updateOne({ _id: 'activity-1' }, { $inc: { seats: 1 } })).resolves.toMatchObject({ modifiedCount: 1 });
  });
});
