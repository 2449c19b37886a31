import { authorize, UnauthenticatedError, type Identity, type Role, type Scope } from '@sanshe/domain-kit';

/** Who may see a resident's points account and statement. */
export const ACCOUNT_READERS: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'SOCIAL_WORKER', 'RESIDENT'];
/** Who may redeem or cancel for a resident: the resident, or staff at the community's service hall. */
export const REDEEMERS: readonly Role[] = ['DISTRICT_ADMIN', 'COMMUNITY_STAFF', 'RESIDENT'];
export const CATALOGUE_KEEPERS: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'];

export interface Caller {
  identity: Identity;
  traceparent: string;
}

/** Where a community lies, from the service's copy of registry's communities. */
export interface Territory {
  streetOf(communityId: string): Promise<string | null>;
}

export async function residentScope(territory: Territory, residentId: string, communityId: string | null): Promise<Scope> {
  return { residentId, communityId, streetId: communityId ? await territory.streetOf(communityId) : null };
}

export async function authorizeAccountRead(
  identity: Identity,
  territory: Territory,
  residentId: string,
  communityId: string | null,
): Promise<void> {
  authorize(identity, {
    action: `see the points account of resident ${residentId}`,
    roles: ACCOUNT_READERS,
    scope: await residentScope(territory, residentId, communityId),
  });
}

/** Anonymous callers learn nothing else first: not what is wrong with their input, not what exists. */
export function requireSignedIn(identity: Identity, action: string): void {
  if (identity.userId === null) throw new UnauthenticatedError(`Sign in first: to ${action} you need an authenticated caller.`);
}
