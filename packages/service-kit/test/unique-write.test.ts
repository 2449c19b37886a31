import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { AlreadyExistsError, ConflictError } from '@sanshe/domain-kit';
import { connectMongo } from '../src/mongo';
import { uniqueWrite } from '../src/store-errors';

/** Against the real store: the uniqueness answer a domain sees is its own error, with the field. */
describe('uniqueWrite', () => {
  let connection: Connection;
  const schema = new Schema(
    { _id: String, name: { type: String, required: true, unique: true } },
    { collection: 'venues', versionKey: false },
  );
  const Venue = () => connection.models.Venue ?? connection.model('Venue', schema);

  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(url, `kit_unique_${randomBytes(4).toString('hex')}`);
    await Venue().syncIndexes();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('turns a second document with a taken unique name into AlreadyExistsError naming the field', async () => {
    await uniqueWrite('Venue', () => Venue().create({ _id: 'v1', name: 'Hall' }));
    const second = uniqueWrite('Venue', () => Venue().create({ _id: 'v2', name: 'Hall' }));
    await expect(second).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(uniqueWrite('Venue', () => Venue().create({ _id: 'v3', name: 'Hall' }))).rejects.toMatchObject({
      entity: 'Venue',
      field: 'name',
      code: 'CONFLICT',
    });
  });

  it('reports a taken id as a collision on _id', async () => {
    await expect(uniqueWrite('Venue', () => Venue().create({ _id: 'v1', name: 'Other hall' }))).rejects.toMatchObject({ field: '_id' });
  });

  it('lets every other failure through unchanged', async () => {
    const invalid = uniqueWrite('Venue', () => Venue().create({ _id: 'v4' }));
    await expect(invalid).rejects.not.toBeInstanceOf(ConflictError);
    await expect(invalid).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
