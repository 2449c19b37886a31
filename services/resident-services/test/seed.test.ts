import { randomBytes } from 'node:crypto';
import { demoDistrict, seed, seedDatabase, type SeedData } from '@sanshe/resident-services/seed';
import { sequenceOf } from '@sanshe/resident-services/domain/order-intake';
import { connectMongo } from '@sanshe/service-kit';
import type { Connection } from 'mongoose';

/**
 * The seed's writing, run twice on its own database. The whole district (24,000 residents,
 * 21,000+ orders) is more than a test needs, so this feeds it the first 400 orders of the
 * generated history; the generator itself is checked in src/seed/order-history.test.ts.
 */
describe('the seed', () => {
  let connection: Connection;
  let slice: SeedData;

  beforeAll(async () => {
    connection = await connectMongo(
      process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
      `t${randomBytes(4).toString('hex')}_resident_services_seed`,
    );
    const district = demoDistrict();
    const orders = district.orders();
    // The first 400 and every order still open at the end of the history.
    const kept = [...orders.slice(0, 400), ...orders.slice(400).filter((o) => !['CLOSED', 'CANCELLED'].includes(o.status))];
    slice = { ...district, residents: district.residents.slice(0, 500), orders: () => kept };
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('writes the catalogue, the read models and the history, and changes nothing when run again', async () => {
    const lines: string[] = [];
    const first = await seedDatabase(connection, slice, (line) => lines.push(line));
    const open = slice.orders().filter((o) => !['CLOSED', 'CANCELLED'].includes(o.status)).length;
    expect(first).toMatchObject({
      serviceCategories: 12,
      serviceItems: 120,
      knownCommunities: 71,
      knownResidents: 500,
      serviceContracts: 72,
      openOrders: open,
      archivedOrders: slice.orders().length - open,
      notices: 538,
    });
    expect(first.statisticsBuckets).toBeGreaterThan(71);
    expect(first.watchedOrders).toBeGreaterThan(0);
    expect(lines).toContain('order history: simulating two years of service orders…');

    const again: string[] = [];
    expect(await seedDatabase(connection, slice, (line) => again.push(line))).toEqual(first);
    expect(again).toContain('order history: already seeded');
  }, 240_000);

  it('leaves the service able to answer for the seeded orders', async () => {
    const orders = connection.collection('service_orders');
    const archived = connection.collection('service_order_archive');
    const someOpen = await orders.findOne({});
    expect(someOpen?.status).not.toMatch(/CLOSED|CANCELLED/);
    expect(await archived.countDocuments({ status: { $nin: ['CLOSED', 'CANCELLED'] } })).toBe(0);
    const counter = await connection
      .collection('order_number_counters')
      .findOne({ _id: `service-order:${String(someOpen!._id).slice(3, 11)}` } as never);
    expect(counter?.seq).toBeGreaterThanOrEqual(sequenceOf(String(someOpen!._id)));
  });
});

describe('the seed of the catalogue alone', () => {
  const database = `t${randomBytes(4).toString('hex')}_resident_services_catalogue`;
  const env = { ...process.env, MONGO_DB: database };
  afterAll(async () => {
    const connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', database);
    await connection.dropDatabase();
    await connection.close();
  });

  it('writes the 12 categories and 120 services and no demo data, and nothing when run again', async () => {
    expect(await seed({ env, only: 'catalogue' })).toEqual({ catalogueWritten: 132 });
    expect(await seed({ env, only: 'catalogue' })).toEqual({ catalogueWritten: 0 });
    const connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', database);
    try {
      expect(await connection.collection('service_categories').countDocuments()).toBe(12);
      expect(await connection.collection('service_items').countDocuments()).toBe(120);
      expect(await connection.collection('known_residents').countDocuments()).toBe(0);
      expect(await connection.collection('service_orders').countDocuments()).toBe(0);
    } finally {
      await connection.close();
    }
  });
});
