import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { PARTY_ORGANIZATION_JOINED_CO_BUILDING, PARTY_ORGANIZATION_LEFT_CO_BUILDING } from './events';
import { isoDate, optionalText, requireRole, TERRITORY_STAFF, territoryScope, text, todayInDistrict, type Caller } from './rules';
import type { Committee, TerritoryStore } from './territory';

export type PartyOrganizationKind = 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH';
export type PartyOrganizationSector = 'COMMUNITY' | 'ENTERPRISE' | 'INSTITUTION' | 'SCHOOL' | 'SOCIAL_ORGANIZATION' | 'NON_PUBLIC_ECONOMY';

export interface CoBuildingMembership {
  committeeId: string;
  joinedOn: string;
}

export interface PartyOrganization {
  _id: string;
  name: string;
  kind: PartyOrganizationKind;
  sector: PartyOrganizationSector;
  unitName: string | null;
  parentId: string | null;
  streetId: string;
  communityId: string | null;
  coBuilding: CoBuildingMembership | null;
  memberCount: number;
}

export interface PartyOrganizationStore {
  organization(id: string): Promise<PartyOrganization | null>;
  insertOrganization(org: PartyOrganization): Promise<PartyOrganization>;
  updateOrganization(
    id: string,
    set: Partial<Pick<PartyOrganization, 'name' | 'kind' | 'unitName' | 'parentId'>>,
  ): Promise<PartyOrganization | null>;
  /** Sets the membership only while the organization is in no co-building, with its events, in one write. */
  joinCoBuilding(id: string, membership: CoBuildingMembership, events: OutboxEntry[]): Promise<PartyOrganization | null>;
  /** Clears the membership only while it is still `committeeId`, with its events, in one write. */
  leaveCoBuilding(id: string, committeeId: string, events: OutboxEntry[]): Promise<PartyOrganization | null>;
}

export interface PartyOrganizationDeps {
  organizations: PartyOrganizationStore;
  territory: TerritoryStore;
  events: Pick<EventFactory, 'create'>;
}

const duplicateName = (name: string) =>
  new ConflictError(`A party organization named ${name} already exists in the district.`, { field: 'name' });

async function checkedParent(
  parentId: string | null | undefined,
  self: { _id: string },
  store: PartyOrganizationStore,
): Promise<string | null> {
  if (!parentId) return null;
  if (parentId === self._id) throw new BadInputError('parentId', 'A party organization cannot be its own parent.');
  const parent = await store.organization(parentId);
  if (!parent) throw new NotFoundError('PartyOrganization', parentId);
  if (parent.kind === 'BRANCH')
    throw new BadInputError('parentId', `${parent.name} is a branch; only committees and general branches have subordinate organizations.`);
  // Walk up: a parent chain that reaches the organization itself would be a cycle.
  let ancestor: PartyOrganization | null = parent;
  for (let depth = 0; ancestor?.parentId && depth < 10; depth += 1) {
    if (ancestor.parentId === self._id)
      throw new BadInputError('parentId', `${parent.name} is subordinate to this organization; that would make a cycle.`);
    ancestor = await store.organization(ancestor.parentId);
  }
  return parent._id;
}

export interface NewPartyOrganizationInput {
  name: string;
  kind: PartyOrganizationKind;
  sector: PartyOrganizationSector;
  unitName?: string | null;
  streetId: string;
  communityId?: string | null;
  parentId?: string | null;
}

export async function createPartyOrganization(
  input: NewPartyOrganizationInput,
  caller: Caller,
  deps: PartyOrganizationDeps,
): Promise<PartyOrganization> {
  requireRole(caller.identity, 'create a party organization', TERRITORY_STAFF);
  const name = text('name', input.name, 80);
  const unitName = optionalText('unitName', input.unitName, 80) ?? null;
  const street = await deps.territory.street(input.streetId);
  if (!street) throw new NotFoundError('Street', input.streetId);
  let communityId: string | null = null;
  if (input.communityId) {
    const community = await deps.territory.community(input.communityId);
    if (!community) throw new NotFoundError('Community', input.communityId);
    if (community.streetId !== street._id)
      throw new BadInputError('communityId', `Community ${community.name} lies in street ${community.streetId}, not in ${street.name}.`);
    communityId = community._id;
  }
  authorize(caller.identity, {
    action: 'create a party organization',
    roles: TERRITORY_STAFF,
    scope: territoryScope({ streetId: street._id, communityId }),
  });
  const id = `partyorg-${randomUUID()}`;
  const parentId = await checkedParent(input.parentId, { _id: id }, deps.organizations);
  const org: PartyOrganization = {
    _id: id,
    name,
    kind: input.kind,
    sector: input.sector,
    unitName,
    parentId,
    streetId: street._id,
    communityId,
    coBuilding: null,
    memberCount: 0,
  };
  try {
    return await deps.organizations.insertOrganization(org);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw duplicateName(name);
    throw err;
  }
}

async function stewardedOrganization(
  id: string,
  action: string,
  caller: Caller,
  store: PartyOrganizationStore,
): Promise<PartyOrganization> {
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const org = await store.organization(id);
  if (!org) throw new NotFoundError('PartyOrganization', id);
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: territoryScope(org) });
  return org;
}

export interface PartyOrganizationChanges {
  name?: string | null;
  kind?: PartyOrganizationKind | null;
  unitName?: string | null;
  parentId?: string | null;
}

export async function updatePartyOrganization(
  id: string,
  input: PartyOrganizationChanges,
  caller: Caller,
  deps: PartyOrganizationDeps,
): Promise<PartyOrganization> {
  const org = await stewardedOrganization(id, `update party organization ${id}`, caller, deps.organizations);
  const set: Partial<Pick<PartyOrganization, 'name' | 'kind' | 'unitName' | 'parentId'>> = {};
  if (input.name !== undefined && input.name !== null) set.name = text('name', input.name, 80);
  if (input.kind) set.kind = input.kind;
  const unitName = optionalText('unitName', input.unitName, 80);
  if (unitName !== undefined) set.unitName = unitName;
  if (input.parentId !== undefined) set.parentId = await checkedParent(input.parentId, org, deps.organizations);
  try {
    const updated = await deps.organizations.updateOrganization(id, set);
    if (!updated) throw new NotFoundError('PartyOrganization', id);
    return updated;
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw duplicateName(set.name ?? org.name);
    throw err;
  }
}

/** A unit's organization joins the committee of the territory it lies in: its street's, or its community's. */
function checkTerritory(org: PartyOrganization, committee: Committee): void {
  const inside = committee.level === 'STREET' ? org.streetId === committee.streetId : org.communityId === committee.communityId;
  if (!inside) {
    throw new BadInputError(
      'committeeId',
      `${org.name} lies outside the territory of ${committee.name}; it can join only the committee of its own street or community.`,
    );
  }
}

export async function joinCoBuilding(
  orgId: string,
  committeeId: string,
  joinedOn: string | null | undefined,
  caller: Caller,
  deps: PartyOrganizationDeps,
): Promise<PartyOrganization> {
  const action = `enrol party organization ${orgId} in co-building`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const day = joinedOn ? isoDate('joinedOn', joinedOn) : todayInDistrict();
  const [org, committee] = await Promise.all([deps.organizations.organization(orgId), deps.territory.committee(committeeId)]);
  if (!org) throw new NotFoundError('PartyOrganization', orgId);
  if (!committee) throw new NotFoundError('RegionalPartyCommittee', committeeId);
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: territoryScope(committee) });
  checkTerritory(org, committee);
  if (org.coBuilding)
    throw new ConflictError(
      `${org.name} is already a co-building member of ${org.coBuilding.committeeId}; it must leave that committee first.`,
    );
  const event = deps.events.create(
    PARTY_ORGANIZATION_JOINED_CO_BUILDING,
    org._id,
    {
      partyOrganizationId: org._id,
      committeeId: committee._id,
      level: committee.level,
      streetId: committee.streetId,
      ...(committee.communityId ? { communityId: committee.communityId } : {}),
      sector: org.sector,
      joinedOn: day,
    },
    caller.traceparent,
  );
  const joined = await deps.organizations.joinCoBuilding(org._id, { committeeId: committee._id, joinedOn: day }, [event]);
  if (!joined) throw new ConflictError(`${org.name} joined a co-building committee meanwhile; reload it and try again.`);
  return joined;
}

export async function leaveCoBuilding(
  orgId: string,
  leftOn: string | null | undefined,
  caller: Caller,
  deps: PartyOrganizationDeps,
): Promise<PartyOrganization> {
  const action = `withdraw party organization ${orgId} from co-building`;
  requireRole(caller.identity, action, TERRITORY_STAFF);
  const day = leftOn ? isoDate('leftOn', leftOn) : todayInDistrict();
  const org = await deps.organizations.organization(orgId);
  if (!org) throw new NotFoundError('PartyOrganization', orgId);
  if (!org.coBuilding) throw new ConflictError(`${org.name} is not in regional co-building.`);
  const committee = await deps.territory.committee(org.coBuilding.committeeId);
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: territoryScope(committee ?? org) });
  if (day < org.coBuilding.joinedOn)
    throw new BadInputError('leftOn', `leftOn (${day}) is before the organization joined (${org.coBuilding.joinedOn}).`);
  const event = deps.events.create(
    PARTY_ORGANIZATION_LEFT_CO_BUILDING,
    org._id,
    {
      partyOrganizationId: org._id,
      committeeId: org.coBuilding.committeeId,
      streetId: committee?.streetId ?? org.streetId,
      ...(committee?.communityId ? { communityId: committee.communityId } : {}),
      leftOn: day,
    },
    caller.traceparent,
  );
  const left = await deps.organizations.leaveCoBuilding(org._id, org.coBuilding.committeeId, [event]);
  if (!left) throw new ConflictError(`${org.name} left co-building meanwhile; reload it and try again.`);
  return left;
}
