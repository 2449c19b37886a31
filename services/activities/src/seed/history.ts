import type { ActivityHistory, HistoricActivity, ResidentFixture } from '@sanshe/seed-fixtures';
import type { ActivityDoc, ResidentRecordDoc } from '../data-access/models';
import type { ResidentRecordEntry, ResidentShiftEntry } from '../domain/projections';
import { bucketId, type StatsBucket } from '../domain/stats';
import { monthOf } from '../domain/time';

/**
 * Turns the fixtures' two years of history into this service's documents: completed
 * activities (their attendances counted, not embedded), statistics buckets, and each
 * resident's record of attendances and volunteer shifts.
 */
const DAY = 86_400_000;

export function historicActivity(a: HistoricActivity, attended: number): ActivityDoc {
  return {
    _id: a.id,
    title: a.title,
    category: a.category,
    description: null,
    communityId: a.communityId,
    streetId: a.streetId,
    venueId: null,
    bookingId: null,
    organizer: a.organizer,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    status: 'COMPLETED',
    seatsLeft: Math.max(0, a.capacity - attended),
    waitlisted: 0,
    attended,
    holders: [],
    checkInCodes: [],
    volunteers: [],
    registrations: [],
    volunteerShifts: [],
    publishedAt: new Date(a.startsAt.getTime() - 7 * DAY),
    cancelledAt: null,
    cancelReason: null,
    completedAt: a.endsAt,
    createdAt: new Date(a.startsAt.getTime() - 10 * DAY),
    updatedAt: a.endsAt,
  };
}

export function attendanceCounts(history: ActivityHistory): Map<string, number> {
  const counts = new Map<string, number>();
  for (const att of history.attendances) counts.set(att.activityId, (counts.get(att.activityId) ?? 0) + 1);
  return counts;
}

/** HISTORY buckets: activities by the month they started, attendances by their activity's month and category. */
export function historyBuckets(
  activities: readonly Pick<ActivityDoc, '_id' | 'communityId' | 'streetId' | 'category' | 'startsAt'>[],
  attended: Map<string, number>,
): StatsBucket[] {
  const buckets = new Map<string, StatsBucket>();
  for (const a of activities) {
    const month = monthOf(a.startsAt);
    const id = bucketId('HISTORY', a.communityId, month);
    const bucket = buckets.get(id) ?? {
      _id: id,
      source: 'HISTORY' as const,
      communityId: a.communityId,
      streetId: a.streetId,
      month,
      categories: {},
    };
    const counts = (bucket.categories[a.category] ??= { activities: 0, participations: 0 });
    counts.activities += 1;
    counts.participations += attended.get(a._id) ?? 0;
    buckets.set(id, bucket);
  }
  return [...buckets.values()];
}

/** One record per resident: where they live, every historic attendance and verified volunteer shift, keyed by its id. */
export function residentRecords(
  people: readonly ResidentFixture[],
  history: ActivityHistory,
  serviceRoleOf: (residentId: string) => string,
): ResidentRecordDoc[] {
  const activities = new Map(history.activities.map((a) => [a.id, a]));
  const records = new Map<
    string,
    {
      home: { communityId: string; streetId: string };
      registrations: Record<string, ResidentRecordEntry>;
      shifts: Record<string, ResidentShiftEntry>;
    }
  >(people.map((p) => [p.id, { home: { communityId: p.communityId, streetId: p.streetId }, registrations: {}, shifts: {} }]));
  const recordOf = (residentId: string) => records.get(residentId)!;
  for (const att of history.attendances) {
    const activity = activities.get(att.activityId)!;
    recordOf(att.residentId).registrations[att.id] = {
      activityId: att.activityId,
      status: 'ATTENDED',
      registeredAt: new Date(activity.startsAt.getTime() - 3 * DAY),
    };
  }
  for (const s of history.volunteerShifts) {
    recordOf(s.residentId).shifts[s.id] = {
      activityId: s.activityId,
      status: 'VERIFIED',
      role: serviceRoleOf(s.residentId),
      scheduledHours: s.hours,
      completedHours: s.hours,
      verifiedHours: s.hours,
      scheduledAt: new Date(activities.get(s.activityId)!.startsAt.getTime() - 7 * DAY),
    };
  }
  // Empty maps are left out: a record is only as large as what the resident did.
  return [...records.entries()].map(([_id, r]) => ({
    _id,
    home: r.home,
    ...(Object.keys(r.registrations).length > 0 ? { registrations: r.registrations } : {}),
    ...(Object.keys(r.shifts).length > 0 ? { shifts: r.shifts } : {}),
  }));
}
