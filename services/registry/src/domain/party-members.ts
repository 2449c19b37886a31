import { authorize, maskPhone, mayReadPersonalData, NotFoundError, type Identity } from '@sanshe/domain-kit';
import type { PartyOrganization, PartyOrganizationStore } from './party-organizations';
import { requireRole, TERRITORY_STAFF, territoryScope, type Caller } from './rules';
import type { TerritoryStore } from './territory';

/** A party member; `residentId` links a member who lives in the district to their resident record. */
export interface PartyMember {
  _id: string;
  name: string;
  organizationId: string;
  streetId: string;
  communityId: string | null;
  residentId: string | null;
  phone: string | null;
  joinedPartyOn: string | null;
}

/** Keeps the first character (the surname): enough to greet someone at a service post, not enough to find them. */
export function maskName(name: string): string {
  return name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;
}

/** A member's personal data is for those who serve the member's territory (or the member as a resident). */
export function mayReadMember(identity: Identity, member: PartyMember): boolean {
  return mayReadPersonalData(identity, {
    ...(member.residentId ? { residentId: member.residentId } : {}),
    communityId: member.communityId,
    streetId: member.streetId,
  });
}

/** The member as the caller may see them: name and phone masked unless the caller serves them. */
export function memberView(identity: Identity, member: PartyMember): { name: string; phone: string | null } {
  if (mayReadMember(identity, member)) return { name: member.name, phone: member.phone };
  return { name: maskName(member.name), phone: member.phone ? maskPhone(member.phone) : null };
}

/** The members of an organization at hand are listed for staff of its territory. */
export function authorizeOrganizationMembers(org: PartyOrganization, caller: Caller): void {
  authorize(caller.identity, { action: `list the members of ${org.name}`, roles: TERRITORY_STAFF, scope: territoryScope(org) });
}

/**
 * Listing members is for territory staff: by organization or community for its
 * community's, street's and district staff; by street for street and district staff;
 * district-wide for district administrators only.
 */
export async function authorizeMemberListing(
  filter: { organizationId?: string | null; communityId?: string | null; streetId?: string | null },
  caller: Caller,
  deps: { organizations: PartyOrganizationStore; territory: TerritoryStore },
): Promise<void> {
  requireRole(caller.identity, 'list party members', TERRITORY_STAFF);
  if (filter.organizationId) {
    const org = await deps.organizations.organization(filter.organizationId);
    if (!org) throw new NotFoundError('PartyOrganization', filter.organizationId);
    authorizeOrganizationMembers(org, caller);
    return;
  }
  if (filter.communityId) {
    const community = await deps.territory.community(filter.communityId);
    if (!community) throw new NotFoundError('Community', filter.communityId);
    authorize(caller.identity, {
      action: `list the party members of community ${community._id}`,
      roles: TERRITORY_STAFF,
      scope: territoryScope({ streetId: community.streetId, communityId: community._id }),
    });
    return;
  }
  if (filter.streetId) {
    authorize(caller.identity, {
      action: `list the party members of street ${filter.streetId}`,
      roles: ['DISTRICT_ADMIN', 'STREET_STAFF'],
      scope: { streetId: filter.streetId },
    });
    return;
  }
  authorize(caller.identity, {
    action: 'list the party members of the whole district (filter by organization, community or street otherwise)',
    roles: ['DISTRICT_ADMIN'],
  });
}
