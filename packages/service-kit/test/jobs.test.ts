import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { JOB_LEASES_COLLECTION, scheduleJobs, takeJobLease } from '../src/jobs';
import { createLogger } from '../src/logger';
import { connectMongo } from '../src/mongo';

const logger = createLogger('kit-jobs-test', 'silent');
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

/** The lease that makes a periodic job run once per period across replicas, on the real store. */
describe('job leases', () => {
  const db = `kit_jobs_${randomBytes(4).toString('hex')}`;
  // Two connections stand for two replicas: the store, not this process, must decide.
  let one: Connection;
  let two: Connection;

  beforeAll(async () => {
    [one, two] = await Promise.all([connectMongo(MONGO_URL, db), connectMongo(MONGO_URL, db)]);
  });
  afterAll(async () => {
    await one.dropDatabase();
    await Promise.all([one.close(), two.close()]);
  });

  it('gives the lease of a period to exactly one of twenty concurrent takers, the first insert included', async () => {
    const at = new Date(Date.UTC(2026, 11, 5, 9, 0, 30));
    const takers = Array.from({ length: 20 }, (_, i) => takeJobLease(i % 2 ? one : two, 'sweep', 60_000, `holder-${i}`, at));
    const won = (await Promise.all(takers)).filter((lease) => lease !== null);
    expect(won).toHaveLength(1);
    const stored = await one.collection(JOB_LEASES_COLLECTION).findOne({ _id: 'sweep' as never });
    expect(stored).toMatchObject({
      holder: won[0]!.holder,
      period: Math.floor(at.getTime() / 60_000),
      until: new Date(Date.UTC(2026, 11, 5, 9, 1)),
    });

    // Later in the same period nobody takes it again; the next period goes to one taker again.
    expect(await takeJobLease(two, 'sweep', 60_000, 'late', new Date(at.getTime() + 20_000))).toBeNull();
    const next = new Date(at.getTime() + 40_000);
    const again = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => takeJobLease(i % 2 ? one : two, 'sweep', 60_000, `holder-${i}`, next)))
    ).filter(Boolean);
    expect(again).toHaveLength(1);
    expect(again[0]!.period).toBe(won[0]!.period + 1);
  });

  it('runs a job once per period when two schedulers share the store', async () => {
    const runs: { period: number; by: string }[] = [];
    const job = (by: string) => ({
      name: 'tick',
      periodMs: 400,
      run: async () => void runs.push({ period: Math.floor(Date.now() / 400), by }),
    });
    const a = scheduleJobs([job('a')], { connection: one, logger, holder: 'a' });
    const b = scheduleJobs([job('b')], { connection: two, logger, holder: 'b' });
    await new Promise((r) => setTimeout(r, 4_200));
    await Promise.all([a.stop(), b.stop()]);

    const periods = runs.map((r) => r.period);
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods.length).toBeGreaterThanOrEqual(5);
  });
});
