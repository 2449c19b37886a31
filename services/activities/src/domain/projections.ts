import type { Activity, RegistrationStatus, ShiftStatus } from './activity-model';
import { EVENT } from './events';
import { bucketId, type CategoryCounts } from './stats';
import { monthOf } from './time';

/**
 * Read models the activities service keeps from its own events: statistics buckets and
 * each resident's record of registrations and volunteer shifts. Both are written
 * idempotently, so a redelivered event changes nothing.
 */
export interface ActivityEvent {
  id: string;
  type: string;
  /** When the event happened (ISO 8601); orders the changes of one entry. */
  time: string;
  data: Record<string, unknown>;
}

/**
 * A resident's registrations and volunteer shifts, keyed by their ids (one read by
 * resident id). Entries stay small: 200,000 of them are seeded. `v` is the time (ms) of
 * the event that last changed an entry: an older event delivered later changes nothing.
 */
export interface ResidentRecordEntry {
  activityId: string;
  status: RegistrationStatus;
  registeredAt?: Date;
  v?: number;
}

export interface ResidentShiftEntry {
  activityId: string;
  status: ShiftStatus;
  v?: number;
  role?: string;
  scheduledHours?: number;
  completedHours?: number;
  verifiedHours?: number;
  scheduledAt?: Date;
}

/** Fields to set in one resident's record; setting the same values twice is harmless. */
export interface ResidentRecordChange {
  residentId: string;
  registrations?: Record<string, Partial<ResidentRecordEntry>>;
  shifts?: Record<string, Partial<ResidentShiftEntry>>;
}

type Data = Record<string, unknown>;
const str = (d: Data, k: string) => d[k] as string;
const date = (d: Data, k: string) => new Date(d[k] as string);
const num = (d: Data, k: string) => d[k] as number;
const pairs = (d: Data, k: string) => (d[k] as { registrationId: string; residentId: string }[] | undefined) ?? [];

function registration(d: Data, residentKey: string, registrationKey: string, fields: Partial<ResidentRecordEntry>): ResidentRecordChange {
  return { residentId: str(d, residentKey), registrations: { [str(d, registrationKey)]: { activityId: str(d, 'activityId'), ...fields } } };
}

function shift(d: Data, fields: Partial<ResidentShiftEntry>): ResidentRecordChange {
  return { residentId: str(d, 'residentId'), shifts: { [str(d, 'shiftId')]: { activityId: str(d, 'activityId'), ...fields } } };
}

export function residentRecordChanges(event: ActivityEvent): ResidentRecordChange[] {
  const v = Date.parse(event.time);
  return changesOf(event).map((c) => ({
    ...c,
    ...(c.registrations ? { registrations: Object.fromEntries(Object.entries(c.registrations).map(([id, e]) => [id, { ...e, v }])) } : {}),
    ...(c.shifts ? { shifts: Object.fromEntries(Object.entries(c.shifts).map(([id, e]) => [id, { ...e, v }])) } : {}),
  }));
}

function changesOf(event: ActivityEvent): ResidentRecordChange[] {
  const d = event.data;
  switch (event.type) {
    case EVENT.registrationCreated:
      return [
        registration(d, 'residentId', 'registrationId', {
          status: str(d, 'status') as RegistrationStatus,
          registeredAt: date(d, 'registeredAt'),
        }),
      ];
    case EVENT.registrationCancelled:
      return [registration(d, 'residentId', 'registrationId', { status: 'CANCELLED' })];
    case EVENT.registrationPromoted:
      return [registration(d, 'residentId', 'registrationId', { status: 'REGISTERED' })];
    case EVENT.attendanceConfirmed:
      return [registration(d, 'residentId', 'attendanceId', { status: 'ATTENDED' })];
    case EVENT.activityCompleted:
      return pairs(d, 'noShows').map((p) => registration({ ...d, ...p }, 'residentId', 'registrationId', { status: 'NO_SHOW' }));
    case EVENT.activityCancelled:
      return pairs(d, 'registrations').map((p) => registration({ ...d, ...p }, 'residentId', 'registrationId', { status: 'CANCELLED' }));
    case EVENT.volunteerHoursScheduled:
      return [
        shift(d, { status: 'SCHEDULED', role: str(d, 'role'), scheduledHours: num(d, 'hours'), scheduledAt: date(d, 'scheduledAt') }),
      ];
    case EVENT.volunteerHoursReported:
      return [shift(d, { status: 'COMPLETED', completedHours: num(d, 'hours') })];
    case EVENT.volunteerHoursVerified:
      return [shift(d, { status: 'VERIFIED', verifiedHours: num(d, 'hours') })];
    default:
      return [];
  }
}

/** The events the read models follow. */
export const READ_MODEL_EVENTS = [
  EVENT.activityPublished,
  EVENT.registrationCreated,
  EVENT.registrationCancelled,
  EVENT.registrationPromoted,
  EVENT.attendanceConfirmed,
  EVENT.activityCompleted,
  EVENT.activityCancelled,
  EVENT.volunteerHoursScheduled,
  EVENT.volunteerHoursReported,
  EVENT.volunteerHoursVerified,
] as const;

/** One event's change of one statistics bucket. */
export interface BucketDelta {
  bucketId: string;
  communityId: string;
  streetId: string;
  month: string;
  category: string;
  delta: CategoryCounts;
}

/** What statistics need to know about the activity an event is about. */
export type CountedActivity = { category: string; startsAt: Date; communityId: string; streetId: string };

/**
 * Published activities count in the month they start; a cancellation after publishing
 * takes the count back; attendances count in their activity's month and category.
 */
export function bucketDelta(event: ActivityEvent, activity: CountedActivity): BucketDelta | null {
  const d = event.data;
  let delta: CategoryCounts;
  if (event.type === EVENT.activityPublished) delta = { activities: 1, participations: 0 };
  else if (event.type === EVENT.activityCancelled && d.previousStatus === 'PUBLISHED') delta = { activities: -1, participations: 0 };
  else if (event.type === EVENT.attendanceConfirmed) delta = { activities: 0, participations: 1 };
  else return null;
  const month = monthOf(activity.startsAt);
  return {
    bucketId: bucketId('LIVE', activity.communityId, month),
    communityId: activity.communityId,
    streetId: activity.streetId,
    month,
    category: activity.category,
    delta,
  };
}

/** Where the read models are kept: applying an event there twice changes nothing. */
export interface ReadModelStore {
  project(activity: Activity, event: ActivityEvent): Promise<void>;
}

export interface ReadModelDeps {
  /** Only live activities change, so only they have events. */
  activities: { liveActivity(id: string): Promise<Activity | null> };
  readModels: ReadModelStore;
}

/**
 * Applies one of the service's own events to the read models, again (a no-op) or for the
 * first time after a crash between a write and its projection. Events about activities this
 * database does not hold (another deployment sharing the broker) are skipped after one read.
 */
export async function projectActivityEvent(activityId: string, event: ActivityEvent, deps: ReadModelDeps): Promise<void> {
  const activity = await deps.activities.liveActivity(activityId);
  if (activity) await deps.readModels.project(activity, event);
}
