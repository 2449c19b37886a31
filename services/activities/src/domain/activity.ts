import { randomUUID } from 'node:crypto';
import {
  authorize,
  BadInputError,
  ConflictError,
  NotFoundError,
  type EventFactory,
  type Identity,
  type OutboxEntry,
} from '@sanshe/service-kit';

export const ACTIVITY_PUBLISHED = 'cn.sanshe.activities.activity.published.v1';

export type ActivityStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED' | 'COMPLETED';

export interface Activity {
  _id: string;
  title: string;
  category: string;
  communityId: string;
  streetId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: ActivityStatus;
}

export interface KnownCommunity {
  _id: string;
  streetId: string;
}

export interface ActivityStore {
  community(id: string): Promise<KnownCommunity | null>;
  activity(id: string): Promise<Activity | null>;
  insert(activity: Activity): Promise<Activity>;
  /** Changes the status only if it is still `from`, appending events, in one atomic write. */
  transition(id: string, from: ActivityStatus, to: ActivityStatus, events: OutboxEntry[]): Promise<Activity | null>;
}

interface Caller {
  identity: Identity;
  traceparent: string;
}

export interface NewActivityInput {
  title: string;
  category: string;
  communityId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

function parseDate(field: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadInputError(field, `${field} must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+08:00.`);
  return date;
}

const ORGANIZER_ROLES = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'] as const;

export async function createActivity(input: NewActivityInput, caller: Caller, store: ActivityStore): Promise<Activity> {
  const title = input.title.trim();
  if (!title) throw new BadInputError('title', 'An activity needs a title.');
  const startsAt = parseDate('startsAt', input.startsAt);
  const endsAt = parseDate('endsAt', input.endsAt);
  if (endsAt <= startsAt) throw new BadInputError('endsAt', 'endsAt must be after startsAt.');
  if (!Number.isInteger(input.capacity) || input.capacity < 1) throw new BadInputError('capacity', 'capacity must be a whole number of at least 1.');
  const community = await store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  authorize(caller.identity, {
    action: `create an activity in community ${community._id}`,
    roles: ORGANIZER_ROLES,
    scope: { communityId: community._id, streetId: community.streetId },
  });
  return store.insert({
    _id: `activity-${randomUUID()}`,
    title,
    category: input.category.trim(),
    communityId: community._id,
    streetId: community.streetId,
    startsAt,
    endsAt,
    capacity: input.capacity,
    status: 'DRAFT',
  });
}

export async function publishActivity(id: string, caller: Caller, deps: { store: ActivityStore; events: Pick<EventFactory, 'create'> }): Promise<Activity> {
  const activity = await deps.store.activity(id);
  if (!activity) throw new NotFoundError('Activity', id);
  authorize(caller.identity, {
    action: `publish activity ${id}`,
    roles: ORGANIZER_ROLES,
    scope: { communityId: activity.communityId, streetId: activity.streetId },
  });
  if (activity.status !== 'DRAFT') throw new ConflictError(`Activity ${id} is ${activity.status}; only a DRAFT can be published.`);
  const event = deps.events.create(
    ACTIVITY_PUBLISHED,
    id,
    {
      activityId: id,
      communityId: activity.communityId,
      title: activity.title,
      category: activity.category,
      startsAt: activity.startsAt.toISOString(),
      endsAt: activity.endsAt.toISOString(),
      capacity: activity.capacity,
    },
    caller.traceparent,
  );
  const published = await deps.store.transition(id, 'DRAFT', 'PUBLISHED', [event]);
  if (!published) throw new ConflictError(`Activity ${id} was changed by someone else meanwhile; reload it and try again.`);
  return published;
}
