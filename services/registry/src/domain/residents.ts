import { randomUUID } from 'node:crypto';
import {
  allows,
  authorize,
  BadInputError,
  ConflictError,
  ForbiddenError,
  mayReadPersonalData,
  NotFoundError,
  type OutboxEntry,
} from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { RESIDENT_MOVED, RESIDENT_REGISTERED } from './events';
import { birthYear, mobilePhone, requireRole, TERRITORY_STAFF, territoryScope, text, type Caller } from './rules';
import type { Community, TerritoryStore } from './territory';

export type CareTag = 'ELDERLY_LIVING_ALONE' | 'DISABLED' | 'MIGRANT' | 'LOW_INCOME' | 'VETERAN';
export type ContactChannel = 'APP' | 'WEB' | 'CALL_CENTER' | 'DOOR_TO_DOOR';

export interface Resident {
  _id: string;
  name: string;
  communityId: string;
  streetId: string;
  address: string;
  birthYear: number;
  phone: string;
  careTags: CareTag[];
  preferredChannel: ContactChannel;
  volunteer: boolean;
}

export interface ResidentStore {
  resident(id: string): Promise<Resident | null>;
  insertResident(resident: Resident, events: OutboxEntry[]): Promise<Resident>;
  /** Applies `set` only while the resident still lives in `communityId`, with events, in one write. */
  updateResident(id: string, communityId: string, set: Partial<Omit<Resident, '_id'>>, events: OutboxEntry[]): Promise<Resident | null>;
}

export interface ResidentDeps {
  residents: ResidentStore;
  territory: TerritoryStore;
  events: Pick<EventFactory, 'create'>;
}

/** Those who keep the register: staff of the resident's community, its street, or the district. */
const REGISTRARS = TERRITORY_STAFF;
/** Staff anywhere may look a resident up (personal data stays masked outside their territory). */
const VIEWERS = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'SOCIAL_WORKER'] as const;

const CARE_TAG_ORDER: readonly CareTag[] = ['ELDERLY_LIVING_ALONE', 'DISABLED', 'MIGRANT', 'LOW_INCOME', 'VETERAN'];
const careTags = (tags: readonly CareTag[] | null | undefined): CareTag[] => CARE_TAG_ORDER.filter((t) => tags?.includes(t));

/** Staff anywhere, or the resident themself; outside their territory staff see a masked name only. */
export function assertMayViewResident(caller: Caller, resident: Pick<Resident, '_id'>): void {
  if (allows(caller.identity, { action: 'view their own record', roles: ['RESIDENT'], scope: { residentId: resident._id } })) return;
  authorize(caller.identity, { action: 'view a resident', roles: VIEWERS });
}

/** The resident, district administrators, and staff and social workers of the resident's street or community. */
export function servesResident(caller: Caller, resident: Pick<Resident, '_id' | 'communityId' | 'streetId'>): boolean {
  return mayReadPersonalData(caller.identity, { residentId: resident._id, communityId: resident.communityId, streetId: resident.streetId });
}

/**
 * Facts beyond the masked name (birth year, care tags, where and how they are reached) are
 * for those who serve the resident: staff elsewhere in the district are refused them.
 */
export function assertServesResident(caller: Caller, resident: Pick<Resident, '_id' | 'communityId' | 'streetId'>, fact: string): void {
  assertMayViewResident(caller, resident);
  if (servesResident(caller, resident)) return;
  throw new ForbiddenError(
    `A resident's ${fact} is shown only to the resident and to DISTRICT_ADMIN, or STREET_STAFF, COMMUNITY_STAFF or SOCIAL_WORKER of the resident's own street or community; ask the community that serves them.`,
  );
}

/** 石阿姨 → 石**: what staff outside the resident's territory see. */
export const maskResidentName = (name: string) => (name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`);

/**
 * Who may list residents, by the territory asked for: a community's list is open to
 * its staff, its street's staff and its social workers; a street's to its staff;
 * the whole district's to district administrators.
 */
export async function authorizeResidentListing(
  filter: { communityId?: string | null; streetId?: string | null },
  caller: Caller,
  territory: TerritoryStore,
): Promise<Community | null> {
  requireRole(caller.identity, 'list residents', VIEWERS);
  if (filter.communityId) {
    const community = await territory.community(filter.communityId);
    if (!community) throw new NotFoundError('Community', filter.communityId);
    authorize(caller.identity, {
      action: `list the residents of community ${community._id}`,
      roles: VIEWERS,
      scope: { streetId: community.streetId, communityId: community._id },
    });
    return community;
  }
  if (filter.streetId) {
    authorize(caller.identity, {
      action: `list the residents of street ${filter.streetId}`,
      roles: ['DISTRICT_ADMIN', 'STREET_STAFF'],
      scope: { streetId: filter.streetId },
    });
    return null;
  }
  authorize(caller.identity, {
    action: 'list the residents of the whole district (filter by communityId or streetId otherwise)',
    roles: ['DISTRICT_ADMIN'],
  });
  return null;
}

async function communityOf(id: string, territory: TerritoryStore): Promise<Community> {
  const community = await territory.community(id);
  if (!community) throw new NotFoundError('Community', id);
  return community;
}

export interface RegisterResidentInput {
  communityId: string;
  name: string;
  address: string;
  birthYear: number;
  phone: string;
  careTags?: CareTag[] | null;
  preferredChannel: ContactChannel;
  volunteer?: boolean | null;
}

export async function registerResident(input: RegisterResidentInput, caller: Caller, deps: ResidentDeps): Promise<Resident> {
  const action = `register a resident in community ${input.communityId}`;
  requireRole(caller.identity, action, REGISTRARS);
  const resident: Omit<Resident, 'communityId' | 'streetId'> = {
    _id: `resident-${randomUUID()}`,
    name: text('name', input.name, 40),
    address: text('address', input.address, 120),
    birthYear: birthYear('birthYear', input.birthYear),
    phone: mobilePhone('phone', input.phone),
    careTags: careTags(input.careTags),
    preferredChannel: input.preferredChannel,
    volunteer: input.volunteer ?? false,
  };
  const community = await communityOf(input.communityId, deps.territory);
  authorize(caller.identity, {
    action,
    roles: REGISTRARS,
    scope: territoryScope({ streetId: community.streetId, communityId: community._id }),
  });
  const registered: Resident = { ...resident, communityId: community._id, streetId: community.streetId };
  const event = deps.events.create(
    RESIDENT_REGISTERED,
    registered._id,
    { residentId: registered._id, communityId: registered.communityId, streetId: registered.streetId, volunteer: registered.volunteer },
    caller.traceparent,
  );
  return deps.residents.insertResident(registered, [event]);
}

async function registeredResident(id: string, action: string, caller: Caller, deps: ResidentDeps): Promise<Resident> {
  requireRole(caller.identity, action, REGISTRARS);
  const resident = await deps.residents.resident(id);
  if (!resident) throw new NotFoundError('Resident', id);
  authorize(caller.identity, { action, roles: REGISTRARS, scope: territoryScope(resident) });
  return resident;
}

export interface ResidentChanges {
  name?: string | null;
  address?: string | null;
  phone?: string | null;
  careTags?: CareTag[] | null;
  preferredChannel?: ContactChannel | null;
  volunteer?: boolean | null;
}

export async function updateResident(id: string, input: ResidentChanges, caller: Caller, deps: ResidentDeps): Promise<Resident> {
  const resident = await registeredResident(id, `update resident ${id}`, caller, deps);
  const set: Partial<Omit<Resident, '_id'>> = {};
  if (input.name != null) set.name = text('name', input.name, 40);
  if (input.address != null) set.address = text('address', input.address, 120);
  if (input.phone != null) set.phone = mobilePhone('phone', input.phone);
  if (input.careTags != null) set.careTags = careTags(input.careTags);
  if (input.preferredChannel != null) set.preferredChannel = input.preferredChannel;
  if (input.volunteer != null) set.volunteer = input.volunteer;
  const updated = await deps.residents.updateResident(id, resident.communityId, set, []);
  if (!updated) throw new ConflictError(`Resident ${id} moved meanwhile; reload the record and try again.`);
  return updated;
}

/**
 * A move changes who keeps the record, so the caller must keep the register of both
 * the community the resident leaves and the one they join.
 */
export async function moveResident(
  id: string,
  input: { toCommunityId: string; address: string },
  caller: Caller,
  deps: ResidentDeps,
): Promise<Resident> {
  const action = `move resident ${id}`;
  const resident = await registeredResident(id, action, caller, deps);
  const address = text('address', input.address, 120);
  if (input.toCommunityId === resident.communityId)
    throw new BadInputError('toCommunityId', `Resident ${id} already lives in community ${resident.communityId}.`);
  const to = await communityOf(input.toCommunityId, deps.territory);
  authorize(caller.identity, {
    action: `${action} into community ${to._id}`,
    roles: REGISTRARS,
    scope: territoryScope({ streetId: to.streetId, communityId: to._id }),
  });
  const event = deps.events.create(
    RESIDENT_MOVED,
    id,
    { residentId: id, fromCommunityId: resident.communityId, toCommunityId: to._id, streetId: to.streetId },
    caller.traceparent,
  );
  const moved = await deps.residents.updateResident(id, resident.communityId, { communityId: to._id, streetId: to.streetId, address }, [
    event,
  ]);
  if (!moved) throw new ConflictError(`Resident ${id} moved meanwhile; reload the record and try again.`);
  return moved;
}
