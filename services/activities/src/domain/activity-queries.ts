import { authorize, BadInputError, pageRequest, toConnection, type Connection, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import { ACTIVITY_STAFF_ROLES, activityScope, ORGANIZER_ROLES, type Caller } from './access';
import { isPublic, type Activity, type ActivityStatus, type OrganizerKind, type Registration, type VolunteerShift } from './activity-model';
import { parseDateTime } from './time';

/**
 * The reads of activities: live ones and imported history alike. Every function here that
 * hands an activity or its roster to a caller checks what the caller may see, as the use
 * cases in activity.ts check what they may change.
 */
export interface ActivityReader {
  /** Live activities and imported history, by id, many at once. */
  byIds(ids: readonly string[]): Promise<Activity[]>;
  /** Published activities of many communities, soonest first. */
  publishedIn(communityIds: readonly string[]): Promise<Activity[]>;
  /** Published activities that have not ended, of many communities, soonest first. */
  upcomingIn(communityIds: readonly string[], now: Date): Promise<Activity[]>;
  /** Public activities organized by many organizers of one kind, by id. */
  organizedBy(kind: OrganizerKind, organizerIds: readonly string[]): Promise<Activity[]>;
  /** One page (keyset on `_id`) with one extra row to tell whether another page follows. */
  page(filter: ActivityListFilter, page: PageRequest): Promise<Activity[]>;
}

export interface ActivityListFilter {
  communityId?: string | null;
  streetId?: string | null;
  category?: string | null;
  statuses: ActivityStatus[];
  startsFrom?: Date | null;
  startsBefore?: Date | null;
}

/** One activity, or null; per request it is a batched lookup. */
export interface ActivityLookup {
  load(id: string): Promise<Activity | null>;
}

export const activitiesByIds = (ids: readonly string[], reader: ActivityReader): Promise<Activity[]> => reader.byIds(ids);
export const publishedActivitiesIn = (communityIds: readonly string[], reader: ActivityReader): Promise<Activity[]> =>
  reader.publishedIn(communityIds);
export const upcomingActivitiesIn = (communityIds: readonly string[], now: Date, reader: ActivityReader): Promise<Activity[]> =>
  reader.upcomingIn(communityIds, now);
export const activitiesOrganizedBy = (kind: OrganizerKind, organizerIds: readonly string[], reader: ActivityReader): Promise<Activity[]> =>
  reader.organizedBy(kind, organizerIds);

/** Drafts are seen only by those who may organize them. */
export function visibleActivity<T extends Activity>(caller: Pick<Caller, 'identity'>, activity: T | null): T | null {
  if (activity && !isPublic(activity))
    authorize(caller.identity, { action: `see draft activity ${activity._id}`, roles: ORGANIZER_ROLES, scope: activityScope(activity) });
  return activity;
}

/** An activity by id as the caller may see it: null when unknown, refused when a draft they may not organize. */
export async function findActivity(caller: Pick<Caller, 'identity'>, id: string, activities: ActivityLookup): Promise<Activity | null> {
  return visibleActivity(caller, await activities.load(id));
}

const PUBLIC_STATUSES: ActivityStatus[] = ['PUBLISHED', 'CANCELLED', 'COMPLETED'];

export interface ActivityFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  category?: string | null;
  statuses?: ActivityStatus[] | null;
  startsFrom?: string | null;
  startsBefore?: string | null;
}

/** One page of public activities (published and completed unless asked otherwise); drafts are never listed. */
export async function listActivities(
  filter: ActivityFilterArgs,
  pageArgs: PageArgs,
  reader: ActivityReader,
): Promise<Connection<Activity>> {
  const statuses = filter.statuses ?? ['PUBLISHED', 'COMPLETED'];
  if (statuses.some((s) => !PUBLIC_STATUSES.includes(s)))
    throw new BadInputError('filter.statuses', 'Drafts are not listed; ask for PUBLISHED, CANCELLED or COMPLETED activities.');
  const page = pageRequest(pageArgs);
  const rows = await reader.page(
    {
      ...filter,
      statuses,
      startsFrom: filter.startsFrom ? parseDateTime('filter.startsFrom', filter.startsFrom) : null,
      startsBefore: filter.startsBefore ? parseDateTime('filter.startsBefore', filter.startsBefore) : null,
    },
    page,
  );
  return toConnection(rows, page.limit, (a) => a._id);
}

/** One page of an organizer's activities, cut from all of them (the batch a per-request loader fetched). */
export function organizedActivitiesPage(rows: Activity[], pageArgs: PageArgs): Connection<Activity> {
  const page = pageRequest(pageArgs);
  const after = page.afterKey ? rows.filter((r) => r._id > page.afterKey!) : rows;
  return toConnection(after.slice(0, page.limit + 1), page.limit, (r) => r._id);
}

const staffOnly = (caller: Pick<Caller, 'identity'>, a: Activity, what: string) =>
  authorize(caller.identity, { action: `see the ${what} of activity ${a._id}`, roles: ACTIVITY_STAFF_ROLES, scope: activityScope(a) });

/** An activity's roster, for the staff who run it. */
export function activityRegistrations(caller: Pick<Caller, 'identity'>, activity: Activity): Registration[] {
  staffOnly(caller, activity, 'registrations');
  return activity.registrations;
}

/** An activity's volunteer shifts, for the staff who run it. */
export function activityVolunteerShifts(caller: Pick<Caller, 'identity'>, activity: Activity): VolunteerShift[] {
  staffOnly(caller, activity, 'volunteer shifts');
  return activity.volunteerShifts;
}

/** The check-in code of a registration still REGISTERED, for its resident and the activity's staff; null otherwise. */
export function checkInCodeOf(caller: Pick<Caller, 'identity'>, activity: Activity, registrationId: string): string | null {
  const entry = activity.registrations.find((x) => x.id === registrationId);
  if (!entry?.checkInCode || entry.status !== 'REGISTERED') return null;
  authorize(caller.identity, {
    action: `see the check-in code of registration ${registrationId}`,
    roles: [...ACTIVITY_STAFF_ROLES, 'RESIDENT'],
    scope: { ...activityScope(activity), residentId: entry.residentId },
  });
  return entry.checkInCode;
}

/** Where a registration stands on the waitlist (1 is next), or null when it is not waiting. */
export function waitlistPosition(activity: Activity, registrationId: string): number | null {
  const waiting = activity.registrations.filter((x) => x.status === 'WAITLISTED');
  const position = waiting.findIndex((x) => x.id === registrationId);
  return position >= 0 ? position + 1 : null;
}
