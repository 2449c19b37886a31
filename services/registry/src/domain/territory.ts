import { AlreadyExistsError, authorize, ConflictError, NotFoundError, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { COMMUNITY_CREATED, COMMUNITY_UPDATED } from './events';
import { newId, optionalText, requireRole, text, type Caller } from './rules';

/** The regional party committee is part of its street or community: created and renamed with it. */
export interface RegionalCommittee {
  _id: string;
  name: string;
}

export interface Street {
  _id: string;
  name: string;
  regionalCommittee: RegionalCommittee;
}

export interface ServiceHall {
  name: string;
  address: string | null;
  unifiedDoorPlate: boolean;
  unifiedServiceWindow: boolean;
  unifiedSignage: boolean;
}

export interface CommunityBrand {
  name: string;
  description: string;
}

/** Counters kept on the community itself, so statistics never count large collections. */
export interface CommunityStats {
  residents: number;
  publishedActivities: number;
}

export interface Community {
  _id: string;
  name: string;
  streetId: string;
  urban: boolean;
  serviceHall: ServiceHall | null;
  brand: CommunityBrand | null;
  regionalCommittee: RegionalCommittee;
  stats: CommunityStats;
}

/** A regional party committee with the territory it belongs to. */
export interface Committee extends RegionalCommittee {
  level: 'STREET' | 'COMMUNITY';
  streetId: string;
  communityId: string | null;
}

export interface TerritoryStore {
  street(id: string): Promise<Street | null>;
  community(id: string): Promise<Community | null>;
  committee(id: string): Promise<Committee | null>;
  insertStreet(street: Street): Promise<Street>;
  updateStreet(id: string, set: Partial<Omit<Street, '_id'>>): Promise<Street | null>;
  insertCommunity(community: Community, events: OutboxEntry[]): Promise<Community>;
  updateCommunity(id: string, set: Partial<Omit<Community, '_id' | 'stats'>>, events: OutboxEntry[]): Promise<Community | null>;
}

export interface TerritoryDeps {
  store: TerritoryStore;
  events: Pick<EventFactory, 'create'>;
}

export const committeeIdOf = (territoryId: string) => `rpc-${territoryId}`;
/** Committee names follow the official pattern: a street's working committee, a community's committee. */
export const streetCommitteeName = (streetName: string) => `${streetName}区域党工委`;
export const communityCommitteeName = (communityName: string) => `${communityName}区域党委`;
export const isStandardised = (hall: ServiceHall | null): boolean =>
  !!hall && hall.unifiedDoorPlate && hall.unifiedServiceWindow && hall.unifiedSignage;

function conflictOnName(err: unknown, message: string): never {
  if (err instanceof AlreadyExistsError) throw new ConflictError(message, { field: 'name' });
  throw err;
}

export interface NewStreetInput {
  id?: string | null;
  name: string;
}

export async function createStreet(input: NewStreetInput, caller: Caller, deps: TerritoryDeps): Promise<Street> {
  requireRole(caller.identity, 'create a street', ['DISTRICT_ADMIN']);
  const id = newId('id', 'street', input.id);
  const name = text('name', input.name, 40);
  if (await deps.store.street(id)) throw new ConflictError(`A street with id ${id} already exists.`, { field: 'id' });
  const street: Street = { _id: id, name, regionalCommittee: { _id: committeeIdOf(id), name: streetCommitteeName(name) } };
  return deps.store.insertStreet(street).catch((err) => conflictOnName(err, `A street named ${name} already exists in the district.`));
}

export async function updateStreet(id: string, input: { name?: string | null }, caller: Caller, deps: TerritoryDeps): Promise<Street> {
  requireRole(caller.identity, `update street ${id}`, ['DISTRICT_ADMIN']);
  const street = await deps.store.street(id);
  if (!street) throw new NotFoundError('Street', id);
  if (input.name === undefined || input.name === null) return street;
  const name = text('name', input.name, 40);
  const updated = await deps.store
    .updateStreet(id, { name, regionalCommittee: { ...street.regionalCommittee, name: streetCommitteeName(name) } })
    .catch((err) => conflictOnName(err, `A street named ${name} already exists in the district.`));
  if (!updated) throw new NotFoundError('Street', id);
  return updated;
}

export interface ServiceHallInput {
  name: string;
  address?: string | null;
  unifiedDoorPlate: boolean;
  unifiedServiceWindow: boolean;
  unifiedSignage: boolean;
}

function serviceHall(input: ServiceHallInput): ServiceHall {
  return {
    name: text('serviceHall.name', input.name, 60),
    address: optionalText('serviceHall.address', input.address, 120) ?? null,
    unifiedDoorPlate: input.unifiedDoorPlate,
    unifiedServiceWindow: input.unifiedServiceWindow,
    unifiedSignage: input.unifiedSignage,
  };
}

export interface NewCommunityInput {
  id?: string | null;
  name: string;
  streetId: string;
  urban: boolean;
  serviceHall?: ServiceHallInput | null;
}

const COMMUNITY_STEWARDS = ['DISTRICT_ADMIN', 'STREET_STAFF'] as const;

function communityEvent(
  type: typeof COMMUNITY_CREATED | typeof COMMUNITY_UPDATED,
  c: Community,
  deps: TerritoryDeps,
  caller: Caller,
): OutboxEntry {
  return deps.events.create(type, c._id, { communityId: c._id, name: c.name, streetId: c.streetId, urban: c.urban }, caller.traceparent);
}

export async function createCommunity(input: NewCommunityInput, caller: Caller, deps: TerritoryDeps): Promise<Community> {
  requireRole(caller.identity, 'create a community', COMMUNITY_STEWARDS);
  const id = newId('id', 'community', input.id);
  const name = text('name', input.name, 60);
  const streetId = text('streetId', input.streetId, 80);
  const hall = input.serviceHall ? serviceHall(input.serviceHall) : null;
  const street = await deps.store.street(streetId);
  if (!street) throw new NotFoundError('Street', streetId);
  authorize(caller.identity, { action: `create a community in street ${streetId}`, roles: COMMUNITY_STEWARDS, scope: { streetId } });
  if (await deps.store.community(id)) throw new ConflictError(`A community with id ${id} already exists.`, { field: 'id' });
  const community: Community = {
    _id: id,
    name,
    streetId,
    urban: input.urban,
    serviceHall: hall,
    brand: null,
    regionalCommittee: { _id: committeeIdOf(id), name: communityCommitteeName(name) },
    stats: { residents: 0, publishedActivities: 0 },
  };
  const event = communityEvent(COMMUNITY_CREATED, community, deps, caller);
  return deps.store
    .insertCommunity(community, [event])
    .catch((err) => conflictOnName(err, `A community named ${name} already exists in street ${street.name}.`));
}

export interface CommunityChanges {
  name?: string | null;
  urban?: boolean | null;
  serviceHall?: ServiceHallInput | null;
}

async function stewardedCommunity(
  id: string,
  action: string,
  roles: readonly ('DISTRICT_ADMIN' | 'STREET_STAFF' | 'COMMUNITY_STAFF')[],
  caller: Caller,
  store: TerritoryStore,
): Promise<Community> {
  requireRole(caller.identity, action, roles);
  const community = await store.community(id);
  if (!community) throw new NotFoundError('Community', id);
  authorize(caller.identity, { action, roles, scope: { streetId: community.streetId, communityId: community._id } });
  return community;
}

export async function updateCommunity(id: string, input: CommunityChanges, caller: Caller, deps: TerritoryDeps): Promise<Community> {
  const current = await stewardedCommunity(id, `update community ${id}`, COMMUNITY_STEWARDS, caller, deps.store);
  const set: Partial<Omit<Community, '_id' | 'stats'>> = {};
  if (input.name !== undefined && input.name !== null) {
    set.name = text('name', input.name, 60);
    set.regionalCommittee = { ...current.regionalCommittee, name: communityCommitteeName(set.name) };
  }
  if (input.urban !== undefined && input.urban !== null) set.urban = input.urban;
  if (input.serviceHall) set.serviceHall = serviceHall(input.serviceHall);
  const event = communityEvent(COMMUNITY_UPDATED, { ...current, ...set }, deps, caller);
  const updated = await deps.store
    .updateCommunity(id, set, [event])
    .catch((err) => conflictOnName(err, `A community named ${set.name} already exists in street ${current.streetId}.`));
  if (!updated) throw new NotFoundError('Community', id);
  return updated;
}

export async function setCommunityBrand(
  communityId: string,
  input: CommunityBrand | null,
  caller: Caller,
  deps: TerritoryDeps,
): Promise<Community> {
  await stewardedCommunity(
    communityId,
    `set the brand of community ${communityId}`,
    ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'],
    caller,
    deps.store,
  );
  const brand = input ? { name: text('brand.name', input.name, 40), description: text('brand.description', input.description, 500) } : null;
  const updated = await deps.store.updateCommunity(communityId, { brand }, []);
  if (!updated) throw new NotFoundError('Community', communityId);
  return updated;
}
