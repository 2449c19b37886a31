import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, isDuplicateKeyError, type EventFactory, type Identity, type OutboxEntry } from '@sanshe/service-kit';

export const COMMUNITY_CREATED = 'cn.sanshe.registry.community.created.v1';
export const ACTIVITY_PUBLISHED = 'cn.sanshe.activities.activity.published.v1';

export interface Community {
  _id: string;
  name: string;
  streetId: string;
  urban: boolean;
}

/** What the use-cases need from storage; data-access implements it. */
export interface CommunityStore {
  insert(community: Community, events: OutboxEntry[]): Promise<Community>;
  recordPublishedActivity(fact: { eventId: string; communityId: string; activityId: string; publishedAt: Date }): Promise<boolean>;
}

export interface NewCommunityInput {
  id?: string | null;
  name: string;
  streetId: string;
  urban: boolean;
}

export function validateNewCommunity(input: NewCommunityInput): Community {
  const name = input.name.trim();
  if (name.length === 0) throw new BadInputError('name', 'A community needs a name.');
  if (name.length > 60) throw new BadInputError('name', 'A community name has at most 60 characters.');
  if (!input.streetId.trim()) throw new BadInputError('streetId', 'A community belongs to a street: give streetId.');
  const id = input.id?.trim() || `community-${randomUUID()}`;
  return { _id: id, name, streetId: input.streetId.trim(), urban: input.urban };
}

export async function createCommunity(
  input: NewCommunityInput,
  caller: { identity: Identity; traceparent: string },
  deps: { store: CommunityStore; events: Pick<EventFactory, 'create'> },
): Promise<Community> {
  const community = validateNewCommunity(input);
  authorize(caller.identity, { action: 'create a community', roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId: community.streetId } });
  const event = deps.events.create(
    COMMUNITY_CREATED,
    community._id,
    { communityId: community._id, name: community.name, streetId: community.streetId, urban: community.urban },
    caller.traceparent,
  );
  try {
    return await deps.store.insert(community, [event]);
  } catch (err) {
    if (isDuplicateKeyError(err)) {
      throw new ConflictError(`A community named ${community.name} already exists in street ${community.streetId}, or the id ${community._id} is taken.`);
    }
    throw err;
  }
}

/** Effect of activity.published in registry: the community's published-activity count grows, once per event. */
export function onActivityPublished(store: CommunityStore, event: { id: string; time: string; data: { activityId: string; communityId: string } }) {
  return store.recordPublishedActivity({
    eventId: event.id,
    communityId: event.data.communityId,
    activityId: event.data.activityId,
    publishedAt: new Date(event.time),
  });
}
