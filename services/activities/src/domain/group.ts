import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { communityScope, VENUE_MANAGER_ROLES, type Caller } from './access';
import { CODE, requiredText } from './validation';
import type { VenueStore } from './venue';
import type { ActivityGroup } from './venue-model';

export interface GroupStore extends Pick<VenueStore, 'community' | 'group'> {
  insertGroup(group: ActivityGroup): Promise<void>;
  addMember(groupId: string, residentId: string): Promise<ActivityGroup | null>;
  removeMember(groupId: string, residentId: string): Promise<ActivityGroup | null>;
}

export interface NewGroupInput {
  communityId: string;
  name: string;
  /** A code such as SQUARE_DANCE or CHOIR. */
  kind: string;
  memberIds?: string[] | null;
}

export async function createActivityGroup(
  input: NewGroupInput,
  caller: Caller,
  store: GroupStore,
  id = `group-${randomUUID()}`,
): Promise<ActivityGroup> {
  const name = requiredText('name', input.name, 60);
  if (!CODE.test(input.kind)) throw new BadInputError('kind', 'kind is a code in capitals, e.g. SQUARE_DANCE or CHOIR.');
  const members = [...new Set((input.memberIds ?? []).map((m) => m.trim()).filter(Boolean))];
  const community = await store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  authorize(caller.identity, {
    action: `add a group to community ${community._id}`,
    roles: VENUE_MANAGER_ROLES,
    scope: communityScope({ communityId: community._id, streetId: community.streetId }),
  });
  const group: ActivityGroup = {
    _id: id,
    communityId: community._id,
    streetId: community.streetId,
    name,
    kind: input.kind,
    members,
    createdAt: new Date(),
  };
  try {
    await store.insertGroup(group);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw new ConflictError(`Community ${community._id} already has a group named ${name}.`);
    throw err;
  }
  return group;
}

export async function changeGroupMembership(
  groupId: string,
  residentId: string,
  join: boolean,
  caller: Caller,
  store: GroupStore,
): Promise<ActivityGroup> {
  const resident = requiredText('residentId', residentId, 80);
  const group = await store.group(groupId);
  if (!group) throw new NotFoundError('ActivityGroup', groupId);
  authorize(caller.identity, {
    action: `change the members of group ${group.name}`,
    roles: VENUE_MANAGER_ROLES,
    scope: communityScope(group),
  });
  const changed = join ? await store.addMember(groupId, resident) : await store.removeMember(groupId, resident);
  return changed ?? group;
}
