import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { activityScope, ORGANIZER_ROLES, type Caller } from './access';
import type { Activity, ActivityChange, OrganizerKind } from './activity-model';
import { claimVenue } from './booking';
import { ActivityEvents, type Events } from './events';
import { decideCompletion } from './roster';
import { parseDateTime } from './time';
import { CODE, optionalText, requiredText } from './validation';
import { releaseBooking, requireVenue, type BookingAdminStore, type BookingSettings, type VenueStore } from './venue';

export interface ActivityStore {
  community(id: string): Promise<KnownCommunity | null>;
  activity(id: string): Promise<Activity | null>;
  insert(activity: Activity): Promise<Activity>;
  /** Applies a compare-and-set change with its events in one write; null when an expectation no longer holds. */
  apply(id: string, change: ActivityChange): Promise<Activity | null>;
}

export interface NewActivityInput {
  title: string;
  category: string;
  communityId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  description?: string | null;
  /** Books this venue of the community for the activity's time. */
  venueId?: string | null;
  /** Defaults to the community itself. */
  organizer?: { kind: OrganizerKind; id: string } | null;
}

export interface ActivityDeps {
  store: ActivityStore;
  events: Events;
  venues: VenueStore;
  bookings: BookingAdminStore;
  settings: BookingSettings;
  now?: () => Date;
}

export async function requireActivity(store: Pick<ActivityStore, 'activity'>, id: string): Promise<Activity> {
  const activity = await store.activity(id);
  if (!activity) throw new NotFoundError('Activity', id);
  return activity;
}

/** Reads, decides and writes until the compare-and-set write lands (someone else may write in between). */
export async function untilApplied<T>(attempt: () => Promise<T | null>, what: string, attempts = 20): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const done = await attempt();
    if (done !== null) return done;
  }
  throw new ConflictError(`${what} kept changing while this request tried to change it; try again.`);
}

export async function createActivity(
  input: NewActivityInput,
  caller: Caller,
  deps: Pick<ActivityDeps, 'store' | 'venues' | 'bookings' | 'settings' | 'now'>,
): Promise<Activity> {
  const title = requiredText('title', input.title, 80);
  const category = input.category.trim();
  if (!CODE.test(category))
    throw new BadInputError(
      'category',
      'category is a code in capitals, e.g. NEIGHBOURHOOD_SCHOOL, MY_VEGETABLE_GARDEN, PEOPLES_TEAHOUSE, PARTY_BUILDING or ENVIRONMENTAL_CLASS.',
    );
  const description = optionalText('description', input.description, 2000);
  const startsAt = parseDateTime('startsAt', input.startsAt);
  const endsAt = parseDateTime('endsAt', input.endsAt);
  if (endsAt <= startsAt) throw new BadInputError('endsAt', 'endsAt must be after startsAt.');
  if (!Number.isInteger(input.capacity) || input.capacity < 1)
    throw new BadInputError('capacity', 'capacity must be a whole number of at least 1.');
  const community = await deps.store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  const organizer = input.organizer ?? { kind: 'COMMUNITY' as const, id: community._id };
  if (!organizer.id.trim())
    throw new BadInputError('organizer', 'An organizer needs the id of its community, social organization or party organization.');
  const draft = { communityId: community._id, streetId: community.streetId, organizer: { kind: organizer.kind, id: organizer.id.trim() } };
  authorize(caller.identity, {
    action: `create an activity in community ${community._id}`,
    roles: ORGANIZER_ROLES,
    scope: activityScope(draft),
  });

  const id = `activity-${randomUUID()}`;
  let booking = null;
  if (input.venueId) {
    const venue = await requireVenue(deps.venues, input.venueId);
    if (venue.communityId !== community._id)
      throw new BadInputError('venueId', `${venue.name} belongs to another community; book a venue of ${community.name}.`);
    if (input.capacity > venue.capacity)
      throw new BadInputError('capacity', `${venue.name} holds ${venue.capacity} people; capacity must not exceed that.`);
    booking = await claimVenue(deps.bookings, {
      venue,
      bookingId: `booking-${id}`,
      holder: { kind: 'ACTIVITY', id, name: title },
      startsAt,
      endsAt,
      purpose: title,
      rotaId: null,
      createdBy: caller.identity.userId ?? 'unknown',
      now: deps.now?.() ?? new Date(),
      graceMs: deps.settings.claimGraceMs,
    });
  }
  const activity: Activity = {
    _id: id,
    title,
    category,
    description,
    ...draft,
    venueId: booking?.venueId ?? null,
    bookingId: booking?._id ?? null,
    startsAt,
    endsAt,
    capacity: input.capacity,
    status: 'DRAFT',
    seatsLeft: input.capacity,
    waitlisted: 0,
    attended: 0,
    holders: [],
    checkInCodes: [],
    volunteers: [],
    registrations: [],
    volunteerShifts: [],
    publishedAt: null,
    cancelledAt: null,
    cancelReason: null,
    completedAt: null,
  };
  try {
    return await deps.store.insert(activity);
  } catch (err) {
    if (booking) await releaseBooking(deps.bookings, booking, new Date());
    throw err;
  }
}

function authorizeOrganizer(caller: Caller, activity: Activity, verb: string): void {
  authorize(caller.identity, { action: `${verb} activity ${activity._id}`, roles: ORGANIZER_ROLES, scope: activityScope(activity) });
}

/** Publishing: a draft becomes public and activity.published is emitted. */
export async function publishActivity(id: string, caller: Caller, deps: Pick<ActivityDeps, 'store' | 'events' | 'now'>): Promise<Activity> {
  const activity = await requireActivity(deps.store, id);
  authorizeOrganizer(caller, activity, 'publish');
  if (activity.status !== 'DRAFT')
    throw new ConflictError(`Activity ${id} is ${activity.status}; only a DRAFT can be published.`, { status: activity.status });
  const events = new ActivityEvents(deps.events, activity, caller.traceparent);
  const published = await deps.store.apply(id, {
    expect: { status: 'DRAFT' },
    set: { status: 'PUBLISHED', publishedAt: deps.now?.() ?? new Date() },
    events: [events.published()],
  });
  if (!published) throw new ConflictError(`Activity ${id} was changed by someone else meanwhile; reload it and try again.`);
  return published;
}

/** Cancels a draft or published activity: every live registration ends with it, and its venue is given back. */
export async function cancelActivity(id: string, reason: string | null | undefined, caller: Caller, deps: ActivityDeps): Promise<Activity> {
  const why = optionalText('reason', reason, 200) ?? '';
  const first = await requireActivity(deps.store, id);
  authorizeOrganizer(caller, first, 'cancel');
  const cancelled = await untilApplied(async () => {
    const a = await requireActivity(deps.store, id);
    if (a.status !== 'DRAFT' && a.status !== 'PUBLISHED')
      throw new ConflictError(`Activity ${id} is ${a.status}; only a DRAFT or PUBLISHED activity can be cancelled.`, { status: a.status });
    const now = deps.now?.() ?? new Date();
    const ended = a.registrations
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => r.status === 'REGISTERED' || r.status === 'WAITLISTED');
    const events = new ActivityEvents(deps.events, a, caller.traceparent);
    return deps.store.apply(id, {
      expect: {
        status: a.status,
        registrationCount: a.registrations.length,
        registrations: ended.map(({ r, index }) => ({ index, id: r.id, status: r.status })),
      },
      set: { status: 'CANCELLED', cancelledAt: now, cancelReason: why || null },
      registrations: ended.map(({ index }) => ({ index, set: { status: 'CANCELLED' as const, cancelledAt: now } })),
      removeHolders: ended.map(({ r }) => r.residentId),
      events: [
        events.cancelled(
          a.status as 'DRAFT' | 'PUBLISHED',
          why,
          now,
          ended.map(({ r }) => r),
        ),
      ],
    });
  }, `Activity ${id}`);
  if (cancelled.bookingId) {
    const booking = await deps.bookings.booking(cancelled.bookingId);
    if (booking?.status === 'ACTIVE') await releaseBooking(deps.bookings, booking, new Date());
  }
  return cancelled;
}

export async function completeActivity(
  id: string,
  caller: Caller,
  deps: Pick<ActivityDeps, 'store' | 'events' | 'now'>,
): Promise<Activity> {
  const first = await requireActivity(deps.store, id);
  authorizeOrganizer(caller, first, 'complete');
  return untilApplied(async () => {
    const a = await requireActivity(deps.store, id);
    return deps.store.apply(id, decideCompletion(a, deps.now?.() ?? new Date(), new ActivityEvents(deps.events, a, caller.traceparent)));
  }, `Activity ${id}`);
}
