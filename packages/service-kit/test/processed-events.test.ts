import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { processedEventsModel, processedEventsPruningJob, pruneProcessedEvents } from '../src/events/processed-events';
import { takeJobLease } from '../src/jobs';
import { createLogger } from '../src/logger';
import { connectMongo } from '../src/mongo';

const HOUR = 3600_000;

/** The consumers' dedupe markers, pruned by age against the real store (it has no TTL index). */
describe('pruning processed-event markers', () => {
  let connection: Connection;

  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(url, `kit_pruning_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection?.db?.dropDatabase();
    await connection?.close();
  });

  it('deletes the markers older than the cut-off, keeps the rest, and changes nothing when run again', async () => {
    const now = Date.now();
    const marker = (id: string, ageHours: number) => ({
      _id: `group:${id}`,
      group: 'group',
      eventId: id,
      type: 'cn.sanshe.test.v1',
      processedAt: new Date(now - ageHours * HOUR),
    });
    await processedEventsModel(connection).insertMany([
      marker('ancient', 24 * 40),
      marker('week-old', 24 * 7 + 1),
      marker('yesterday', 24),
      marker('fresh', 0),
    ]);

    const cutOff = new Date(now - 24 * 7 * HOUR);
    expect(await pruneProcessedEvents(connection, cutOff)).toBe(2);
    const left = await processedEventsModel(connection).find().sort({ _id: 1 }).lean();
    expect(left.map((m) => m.eventId)).toEqual(['fresh', 'yesterday']);
    expect(await pruneProcessedEvents(connection, cutOff)).toBe(0);
  });

  it('runs as a leased job: one replica per period prunes by the configured age', async () => {
    await processedEventsModel(connection).deleteMany({});
    const now = Date.now();
    await processedEventsModel(connection).insertMany([
      { _id: 'g:old', group: 'g', eventId: 'old', type: 'cn.sanshe.test.v1', processedAt: new Date(now - 49 * HOUR) },
      { _id: 'g:new', group: 'g', eventId: 'new', type: 'cn.sanshe.test.v1', processedAt: new Date(now - HOUR) },
    ]);
    const job = processedEventsPruningJob(connection, { everyMs: HOUR, retentionMs: 48 * HOUR }, createLogger('test', 'silent'));
    const leases = await Promise.all([
      takeJobLease(connection, job.name, job.periodMs, 'replica-a'),
      takeJobLease(connection, job.name, job.periodMs, 'replica-b'),
    ]);
    expect(leases.filter(Boolean)).toHaveLength(1);
    await job.run();
    expect((await processedEventsModel(connection).find().lean()).map((m) => m.eventId)).toEqual(['new']);
  });
});
