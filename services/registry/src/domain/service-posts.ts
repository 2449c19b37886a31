import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { isoDate, requireRole, TERRITORY_STAFF, territoryScope, text, timeOfDay, todayInDistrict, type Caller } from './rules';
import type { PartyMember } from './party-members';
import type { TerritoryStore } from './territory';

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export interface ServicePost {
  _id: string;
  title: string;
  communityId: string;
  streetId: string;
  place: string;
  holderId: string;
  weekdays: Weekday[];
  opensAt: string;
  closesAt: string;
  startsOn: string;
  endsOn: string | null;
  status: 'ACTIVE' | 'ENDED';
}

export interface ServicePostStore {
  member(id: string): Promise<PartyMember | null>;
  post(id: string): Promise<ServicePost | null>;
  insertPost(post: ServicePost): Promise<ServicePost>;
  /** Ends the post only while it is still ACTIVE. */
  endPost(id: string, endsOn: string): Promise<ServicePost | null>;
}

export interface AssignServicePostInput {
  communityId: string;
  title: string;
  place: string;
  holderId: string;
  weekdays: Weekday[];
  opensAt: string;
  closesAt: string;
  startsOn: string;
  endsOn?: string | null;
}

/** Checks the schedule of a post: it opens before it closes and ends no earlier than it starts. */
export function checkedSchedule(input: Pick<AssignServicePostInput, 'weekdays' | 'opensAt' | 'closesAt' | 'startsOn' | 'endsOn'>) {
  if (input.weekdays.length === 0) throw new BadInputError('weekdays', 'A service post is staffed on at least one weekday.');
  const weekdays = WEEKDAYS.filter((d) => input.weekdays.includes(d));
  const opensAt = timeOfDay('opensAt', input.opensAt);
  const closesAt = timeOfDay('closesAt', input.closesAt);
  if (closesAt <= opensAt) throw new BadInputError('closesAt', `closesAt (${closesAt}) must be later than opensAt (${opensAt}).`);
  const startsOn = isoDate('startsOn', input.startsOn);
  const endsOn = input.endsOn ? isoDate('endsOn', input.endsOn) : null;
  if (endsOn && endsOn < startsOn)
    throw new BadInputError('endsOn', `endsOn (${endsOn}) is before startsOn (${startsOn}); a post cannot end before it starts.`);
  return { weekdays, opensAt, closesAt, startsOn, endsOn };
}

export async function assignServicePost(
  input: AssignServicePostInput,
  caller: Caller,
  deps: { posts: ServicePostStore; territory: TerritoryStore },
): Promise<ServicePost> {
  const action = `assign a service post in community ${input.communityId}`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const title = text('title', input.title, 60);
  const place = text('place', input.place, 80);
  const schedule = checkedSchedule(input);
  const community = await deps.territory.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  authorize(caller.identity, {
    action,
    roles: TERRITORY_STAFF,
    scope: territoryScope({ streetId: community.streetId, communityId: community._id }),
  });
  const holder = await deps.posts.member(input.holderId);
  if (!holder) throw new NotFoundError('PartyMember', input.holderId);
  return deps.posts.insertPost({
    _id: `servicepost-${randomUUID()}`,
    title,
    communityId: community._id,
    streetId: community.streetId,
    place,
    holderId: holder._id,
    ...schedule,
    status: 'ACTIVE',
  });
}

/** A post is over once ended, or once the end date it was assigned with has passed. */
export function postStatus(post: Pick<ServicePost, 'status' | 'endsOn'>, today: string = todayInDistrict()): ServicePost['status'] {
  return post.status === 'ENDED' || (post.endsOn !== null && post.endsOn < today) ? 'ENDED' : 'ACTIVE';
}

export async function endServicePost(id: string, endsOn: string, caller: Caller, deps: { posts: ServicePostStore }): Promise<ServicePost> {
  const action = `end service post ${id}`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const day = isoDate('endsOn', endsOn);
  const post = await deps.posts.post(id);
  if (!post) throw new NotFoundError('ServicePost', id);
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: territoryScope(post) });
  if (day < post.startsOn) throw new BadInputError('endsOn', `endsOn (${day}) is before the post started (${post.startsOn}).`);
  if (post.status === 'ENDED') throw new ConflictError(`Service post ${id} has already ended.`);
  const ended = await deps.posts.endPost(id, day);
  if (!ended) throw new ConflictError(`Service post ${id} was ended meanwhile.`);
  return ended;
}
