import {
  allows,
  describeScope,
  ForbiddenError,
  mayReadPersonalData,
  UnauthenticatedError,
  type Identity,
  type Policy,
  type Role,
} from '@sanshe/domain-kit';
import type { ServiceOrder } from './model';
import { isAtProvider } from './order-status';

/** Who acts for the district, a street or a community (call centre, service hall, door-to-door staff). */
export const STAFF_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'];
/** Who works for a provider organisation. */
export const PROVIDER_ROLES: readonly Role[] = ['ORG_STAFF', 'SOCIAL_WORKER'];

type Located = Pick<ServiceOrder, 'communityId' | 'streetId'>;
type Owned = Located & Pick<ServiceOrder, 'residentId' | 'providerOrgId'>;

export const staffPolicy = (order: Located, action: string): Policy => ({
  action,
  roles: STAFF_ROLES,
  scope: { communityId: order.communityId, streetId: order.streetId },
});

export const residentPolicy = (residentId: string, action: string): Policy => ({ action, roles: ['RESIDENT'], scope: { residentId } });

/** The provider's staff act on an order dispatched to it; the community's staff when it handles the order itself. */
export const providerPolicy = (order: Owned, action: string): Policy =>
  order.providerOrgId ? { action, roles: PROVIDER_ROLES, scope: { orgId: order.providerOrgId } } : staffPolicy(order, action);

/**
 * Passes when any of the policies allows the caller; otherwise UNAUTHENTICATED for an
 * anonymous caller, or FORBIDDEN listing every way the action could have been allowed.
 */
export function authorizeAny(identity: Identity, action: string, policies: readonly Policy[]): void {
  if (identity.userId === null) throw new UnauthenticatedError(`Sign in first: to ${action} you need an authenticated caller.`);
  if (policies.some((p) => allows(identity, p))) return;
  const ways = policies.map((p) => {
    const scope = describeScope(p.scope);
    return `${p.roles.join('/')}${scope ? ` for ${scope}` : ''}`;
  });
  throw new ForbiddenError(
    `To ${action} you need ${ways.join(', or ')}; your token (roles: ${identity.roles.join(', ') || 'none'}) does not grant it.`,
  );
}

/**
 * Partners (registered Open311 apps, through the gateway's GeoReport facade) read every
 * order, as GeoReport's request feed is public: they never see it unmasked, since
 * `mayReadOrderPersonalData` gives PARTNER no personal data.
 */
export const partnerReadPolicy = (action: string): Policy => ({ action, roles: ['PARTNER'] });

function readPolicies(order: Owned, action: string): Policy[] {
  const policies: Policy[] = [
    residentPolicy(order.residentId, action),
    partnerReadPolicy(action),
    { action, roles: [...STAFF_ROLES, 'SOCIAL_WORKER'], scope: { communityId: order.communityId, streetId: order.streetId } },
  ];
  if (order.providerOrgId) policies.push({ action, roles: PROVIDER_ROLES, scope: { orgId: order.providerOrgId } });
  return policies;
}

/** The resident, staff and social workers of the territory, and the provider the order is with. */
export function canReadOrder(identity: Identity, order: Owned): boolean {
  return readPolicies(order, 'read').some((p) => allows(identity, p));
}

export function assertMayReadOrder(identity: Identity, order: Owned & { _id: string }): void {
  authorizeAny(identity, 'read this service order', readPolicies(order, 'read this service order'));
}

/** As the kit's rule, plus the provider's staff while the order is on their desk: they must reach the resident. */
export function mayReadOrderPersonalData(identity: Identity, order: Owned & Pick<ServiceOrder, 'status'>): boolean {
  if (mayReadPersonalData(identity, { residentId: order.residentId, communityId: order.communityId, streetId: order.streetId }))
    return true;
  return (
    !!order.providerOrgId &&
    isAtProvider(order.status) &&
    allows(identity, { action: 'read', roles: PROVIDER_ROLES, scope: { orgId: order.providerOrgId } })
  );
}
