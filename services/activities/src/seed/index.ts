import { activityHistory, COMMUNITIES, inRunxianCampaign, residents, RUNXIAN_CAMPAIGN, SEEDED_AT } from '@sanshe/seed-fixtures';
import { connectMongo, insertMissing, syncIndexes } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import type { Model } from 'mongoose';
import { loadActivitiesConfig } from '../config';
import { createModels } from '../data-access/models';
import { attendanceCounts, historicActivity, historyBuckets, residentRecords } from './history';
import { seededGroups, seededRota, seededUpcoming, seededVenues, SHI_AYI_SHIFT } from './places';

export type SeedSummary = Record<string, number>;

/** Bump when the seeded documents change shape, so existing databases are seeded again. */
export const SEED_VERSION = 2;
const SEED_ID = 'activities';
const BATCH = 5_000;

/**
 * Inserts in batches, unordered; documents that already exist (same deterministic `_id`)
 * are left as they are: the seed never overwrites what the service changed since.
 */
async function insertNew<T extends { _id: string }>(
  model: Model<T>,
  docs: readonly T[],
  log: (line: string) => void,
  what: string,
): Promise<void> {
  await insertMissing(model.collection, docs, { label: what, log, batchSize: BATCH });
}

/**
 * Seeds the activities database from @sanshe/seed-fixtures: communities and residents it
 * needs to know, venues, square-dance teams and their rota, two years of history (7,000+
 * activities, 150,000+ attendances in residents' records and statistics buckets) and a
 * few upcoming activities, and the report's campaign with the party-building ones linked.
 * Writes directly, emitting no events; idempotent.
 */
export async function seed(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const config = loadActivitiesConfig(options.env ?? process.env);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB);
  try {
    const models = createModels(connection);
    const communities = new CommunityDirectory(connection);
    await syncIndexes(connection);
    const done = await models.SeedState.findById(SEED_ID).lean();
    if (done?.version === SEED_VERSION) {
      log(`${config.MONGO_DB} already holds seed version ${SEED_VERSION}; nothing to do`);
      return done.summary;
    }

    await communities.rememberAll(COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })));
    log(`known communities: ${COMMUNITIES.length}`);
    const people = residents();

    const venues = seededVenues();
    const groups = seededGroups();
    const rota = seededRota();
    await insertNew(models.Venue, venues, log, 'venues');
    await insertNew(models.ActivityGroup, groups, log, 'groups');
    await insertNew(models.Rota, [rota], log, 'rotas');
    const shiAyi = people.find((r) => r.name === '石阿姨')!;
    const upcoming = seededUpcoming(shiAyi.id);
    await insertNew(models.Booking, upcoming.bookings, log, 'bookings');
    await insertNew(models.Cell, upcoming.cells, log, 'booked half hours');

    const history = activityHistory();
    const attended = attendanceCounts(history);
    const { id: campaignId, ...campaign } = RUNXIAN_CAMPAIGN;
    await insertNew(models.Campaign, [{ _id: campaignId, ...campaign, createdBy: 'seed', createdAt: SEEDED_AT }], log, 'campaigns');
    const inCampaign = <T extends { category: string }>(a: T) => ({ ...a, campaignId: inRunxianCampaign(a) ? campaignId : null });
    const archived = history.activities.map((a) => inCampaign(historicActivity(a, attended.get(a.id) ?? 0)));
    await insertNew(models.ActivityArchive, archived, log, 'archived activities');
    await insertNew(models.Activity, upcoming.activities.map(inCampaign), log, 'upcoming activities');
    // A database seeded before the campaign existed gets its links; links set since are kept.
    const linked = [...archived, ...upcoming.activities].filter(inRunxianCampaign).map((a) => a._id);
    for (const model of [models.ActivityArchive, models.Activity]) {
      await model.updateMany({ _id: { $in: linked }, campaignId: { $exists: false } }, { $set: { campaignId } }).exec();
    }
    const activities = [...archived, ...upcoming.activities];

    const buckets = historyBuckets(activities, attended);
    await insertNew(models.StatsBucket, buckets, log, 'statistics buckets');

    const records = residentRecords(people, history, (id) => (id === shiAyi.id ? SHI_AYI_SHIFT.role : '志愿者'));
    const shiRecord = records.find((r) => r._id === shiAyi.id);
    const shiShift = {
      activityId: upcoming.activities[0]!._id,
      status: 'SCHEDULED' as const,
      role: SHI_AYI_SHIFT.role,
      scheduledHours: SHI_AYI_SHIFT.hours,
      scheduledAt: upcoming.activities[0]!.createdAt,
    };
    if (shiRecord) shiRecord.shifts = { ...shiRecord.shifts, [SHI_AYI_SHIFT.id]: shiShift };
    await insertNew(models.ResidentRecord, records, log, 'resident records');

    const summary: SeedSummary = {
      knownCommunities: COMMUNITIES.length,
      venues: venues.length,
      activityGroups: groups.length,
      rotas: 1,
      venueBookings: upcoming.bookings.length,
      activities: activities.length,
      campaignActivities: linked.length,
      attendances: history.attendances.length,
      volunteerShifts: history.volunteerShifts.length + 1,
      statsBuckets: buckets.length,
      residentRecords: records.length,
    };
    await models.SeedState.updateOne(
      { _id: SEED_ID },
      { $set: { version: SEED_VERSION, summary, seededAt: new Date() } },
      { upsert: true },
    );
    log(
      `seeded ${config.MONGO_DB}: ${Object.entries(summary)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    return summary;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  const started = Date.now();
  seed({ env: process.env, log: (line) => console.log(line) }).then(
    () => console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
