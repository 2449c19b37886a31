import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { requireRole, text, TERRITORY_STAFF, type Caller } from './rules';

export type CommunityCentreKind = 'PARTY_MASS_SERVICE_CENTRE' | 'NEIGHBOURHOOD_CENTRE';

export interface CentreOffering {
  name: string;
  description: string;
}

/**
 * A centre a community runs for its residents: a party-mass service centre (党群服务中心)
 * with its rooms, or a neighbourhood centre (邻里中心) with its classes and activities.
 */
export interface CommunityCentre {
  _id: string;
  communityId: string;
  streetId: string;
  name: string;
  kind: CommunityCentreKind;
  rooms: string[];
  offerings: CentreOffering[];
  /** The report's sentence this centre comes from; null for demo centres. */
  citation: string | null;
}

export interface CentreStore {
  community(id: string): Promise<{ _id: string; streetId: string } | null>;
  centre(id: string): Promise<CommunityCentre | null>;
  /** Duplicate (community, name) becomes AlreadyExistsError. */
  insertCentre(centre: CommunityCentre): Promise<CommunityCentre>;
  /** Sets the given fields in one write; null when no such centre exists. Duplicate names become AlreadyExistsError. */
  updateCentre(id: string, fields: Partial<Pick<CommunityCentre, 'name' | 'rooms' | 'offerings'>>): Promise<CommunityCentre | null>;
}

export interface OpenCommunityCentreInput {
  communityId: string;
  name: string;
  kind: CommunityCentreKind;
  rooms: string[];
  offerings: CentreOffering[];
}

export interface UpdateCommunityCentreInput {
  name?: string | null;
  rooms?: string[] | null;
  offerings?: CentreOffering[] | null;
}

function roomsOf(rooms: readonly string[]): string[] {
  const named = rooms.map((room, i) => text(`rooms[${i}]`, room, 40));
  const twice = named.find((room, i) => named.indexOf(room) !== i);
  if (twice) throw new BadInputError('rooms', `Room ${twice} is listed twice; list each room once.`);
  return named;
}

function offeringsOf(offerings: readonly CentreOffering[]): CentreOffering[] {
  const checked = offerings.map((o, i) => ({
    name: text(`offerings[${i}].name`, o.name, 60),
    description: text(`offerings[${i}].description`, o.description, 300),
  }));
  const twice = checked.find((o, i) => checked.findIndex((p) => p.name === o.name) !== i);
  if (twice) throw new BadInputError('offerings', `Offering ${twice.name} is listed twice; list each offering once.`);
  return checked;
}

function guardCentre(caller: Caller, action: string, community: { communityId: string; streetId: string }): void {
  authorize(caller.identity, {
    action,
    roles: TERRITORY_STAFF,
    scope: { streetId: community.streetId, communityId: community.communityId },
  });
}

function nameTaken(communityId: string, name: string) {
  return (err: unknown): never => {
    if (err instanceof AlreadyExistsError)
      throw new ConflictError(`Community ${communityId} already has a centre named ${name}; choose another name or update that centre.`, {
        field: 'name',
      });
    throw err;
  };
}

/**
 * Opens a centre in a community: its community staff, its street's staff or district admins.
 * A centre opened through the API carries no citation: only the report's rows (seed) quote it.
 * No event: no other context reads centres today.
 */
export async function openCommunityCentre(input: OpenCommunityCentreInput, caller: Caller, store: CentreStore): Promise<CommunityCentre> {
  requireRole(caller.identity, 'open a community centre', TERRITORY_STAFF);
  const name = text('name', input.name, 60);
  const rooms = roomsOf(input.rooms);
  const offerings = offeringsOf(input.offerings);
  const community = await store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  guardCentre(caller, `open a centre in community ${community._id}`, { communityId: community._id, streetId: community.streetId });
  const centre: CommunityCentre = {
    _id: `centre-${randomUUID()}`,
    communityId: community._id,
    streetId: community.streetId,
    name,
    kind: input.kind,
    rooms,
    offerings,
    citation: null,
  };
  return store.insertCentre(centre).catch(nameTaken(community._id, name));
}

/** Renames a centre or replaces its rooms or offerings; the same roles as opening one. Null or omitted fields stay. */
export async function updateCommunityCentre(
  id: string,
  input: UpdateCommunityCentreInput,
  caller: Caller,
  store: CentreStore,
): Promise<CommunityCentre> {
  requireRole(caller.identity, `update community centre ${id}`, TERRITORY_STAFF);
  const fields: Partial<Pick<CommunityCentre, 'name' | 'rooms' | 'offerings'>> = {};
  if (input.name !== undefined && input.name !== null) fields.name = text('name', input.name, 60);
  if (input.rooms !== undefined && input.rooms !== null) fields.rooms = roomsOf(input.rooms);
  if (input.offerings !== undefined && input.offerings !== null) fields.offerings = offeringsOf(input.offerings);
  if (Object.keys(fields).length === 0) throw new BadInputError('input', 'Give at least one of name, rooms or offerings to change.');
  const current = await store.centre(id);
  if (!current) throw new NotFoundError('CommunityCentre', id);
  guardCentre(caller, `update community centre ${id}`, current);
  const updated = await store.updateCentre(id, fields).catch(nameTaken(current.communityId, fields.name ?? current.name));
  if (!updated) throw new NotFoundError('CommunityCentre', id);
  return updated;
}
