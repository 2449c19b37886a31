import type { Connection, PageRequest } from '@sanshe/domain-kit';
import { assertMayViewResident, authorizeResidentListing, type CareTag, type ContactChannel, type Resident } from './residents';
import type { Caller } from './rules';
import type { TerritoryStore } from './territory';

export interface ResidentFilter {
  communityId?: string | null;
  streetId?: string | null;
  careTag?: CareTag | null;
  volunteer?: boolean | null;
  preferredChannel?: ContactChannel | null;
  bornFrom?: number | null;
  bornTo?: number | null;
}

export interface ResidentReader {
  residentsByIds(ids: readonly string[]): Promise<Resident[]>;
  /** A page of residents in id order: of the district, a street or a community, by the filter. */
  residentPage(filter: ResidentFilter, page: PageRequest): Promise<Connection<Resident>>;
}

export const residentsByIds = (ids: readonly string[], reader: ResidentReader): Promise<Resident[]> => reader.residentsByIds(ids);

/** A page of residents, for whom the filter's territory allows (see authorizeResidentListing). */
export async function listResidents(
  filter: ResidentFilter,
  page: PageRequest,
  caller: Caller,
  deps: { residents: ResidentReader; territory: TerritoryStore },
): Promise<Connection<Resident>> {
  await authorizeResidentListing(filter, caller, deps.territory);
  return deps.residents.residentPage(filter, page);
}

/** One resident, by id; refused callers are answered before the store is asked. */
export function residentById(id: string, caller: Caller, load: (id: string) => Promise<Resident | null>): Promise<Resident | null> {
  assertMayViewResident(caller, { _id: id });
  return load(id);
}
