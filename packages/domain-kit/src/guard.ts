import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Identity, Role } from './identity';

/**
 * The one authorization guard every subgraph uses. A policy names the roles that
 * may act and, optionally, the territory or ownership the caller must hold.
 * Pure logic: no GraphQL, no database.
 *
 * Give every dimension you know: street staff are matched on `streetId`, community
 * staff on `communityId`, so a community-level scope should carry its `streetId` too.
 * A role never passes on a dimension it cannot check (fail closed); a policy without
 * a scope is role-wide.
 */
export interface Scope {
  streetId?: string | null;
  communityId?: string | null;
  orgId?: string | null;
  residentId?: string | null;
  socialWorkerId?: string | null;
}

export interface Policy {
  /** What the caller is trying to do, in words, for the error message. */
  action: string;
  roles: readonly Role[];
  scope?: Scope;
}

/** Signed in and holding at least one Sanshe role. */
export function isAuthenticated(identity: Identity): boolean {
  return identity.userId !== null && identity.roles.length > 0;
}

const isEmptyScope = (scope: Scope): boolean =>
  !scope.streetId && !scope.communityId && !scope.orgId && !scope.residentId && !scope.socialWorkerId;

/**
 * Does the caller, through `role`, reach `scope`? A territorial role is checked on its
 * own dimension when the scope names it; otherwise it covers only role-wide (empty)
 * scopes, so a scope it cannot judge (say a resident, for street staff) refuses.
 * DISTRICT_ADMIN covers the whole district. PARTNER has no territory in the token:
 * a policy that lists PARTNER lets every partner act on any scope, so list it only
 * for actions open to all partners.
 */
export function roleCovers(identity: Identity, role: Role, scope: Scope = {}): boolean {
  if (!identity.roles.includes(role)) return false;
  switch (role) {
    case 'DISTRICT_ADMIN':
    case 'PARTNER':
      return true;
    case 'STREET_STAFF':
      return scope.streetId ? identity.streetIds.includes(scope.streetId) : isEmptyScope(scope);
    case 'COMMUNITY_STAFF':
      return scope.communityId ? identity.communityIds.includes(scope.communityId) : isEmptyScope(scope);
    case 'ORG_STAFF':
      return scope.orgId ? identity.orgIds.includes(scope.orgId) : isEmptyScope(scope);
    case 'SOCIAL_WORKER':
      // A social worker is matched on themself first, then on the communities and
      // organisations they serve.
      if (scope.socialWorkerId) return identity.socialWorkerId === scope.socialWorkerId;
      if (scope.communityId) return identity.communityIds.includes(scope.communityId);
      if (scope.orgId) return identity.orgIds.includes(scope.orgId);
      return isEmptyScope(scope);
    case 'RESIDENT':
      return scope.residentId ? identity.residentId === scope.residentId : isEmptyScope(scope);
  }
}

/**
 * The kind of territory or ownership a scope asks for, never its ids: a refusal must not
 * tell a caller who owns a record (which resident, community, street or organization).
 */
export function describeScope(scope: Scope = {}): string {
  const parts: string[] = [];
  if (scope.streetId && scope.communityId) parts.push('the community concerned or its street');
  else if (scope.streetId) parts.push('the street concerned');
  else if (scope.communityId) parts.push('the community concerned');
  if (scope.orgId) parts.push('the social organization concerned');
  if (scope.residentId) parts.push('the resident themself');
  if (scope.socialWorkerId) parts.push('the social worker themself');
  return parts.join(', ');
}

/** The part of `scope` that `role` is judged on, in words. */
function requirement(role: Role, scope: Scope): string {
  const own: Partial<Record<Role, Scope>> = {
    STREET_STAFF: { streetId: scope.streetId },
    COMMUNITY_STAFF: { communityId: scope.communityId },
    ORG_STAFF: { orgId: scope.orgId },
    RESIDENT: { residentId: scope.residentId },
    SOCIAL_WORKER: scope.socialWorkerId
      ? { socialWorkerId: scope.socialWorkerId }
      : scope.communityId
        ? { communityId: scope.communityId }
        : { orgId: scope.orgId },
  };
  return describeScope(own[role]) || describeScope(scope);
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN naming what is missing. */
export function authorize(identity: Identity, policy: Policy): void {
  if (identity.userId === null) {
    throw new UnauthenticatedError(`Sign in first: to ${policy.action} you need an authenticated caller.`);
  }
  if (policy.roles.some((role) => roleCovers(identity, role, policy.scope))) return;
  const held = policy.roles.filter((r) => identity.roles.includes(r));
  if (held.length === 0) {
    throw new ForbiddenError(
      `To ${policy.action} you need one of the roles ${policy.roles.join(', ')}; you have ${identity.roles.join(', ') || 'none'}.`,
    );
  }
  const scope = policy.scope ?? {};
  const needed = [...new Set(held.map((role) => `${role} for ${requirement(role, scope)}`))];
  throw new ForbiddenError(`To ${policy.action} you need ${needed.join(' or ')}; your token does not grant it.`);
}

export function allows(identity: Identity, policy: Policy): boolean {
  return isAuthenticated(identity) && policy.roles.some((role) => roleCovers(identity, role, policy.scope));
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 410305195901011234 → 4103**********1234 */
export function maskIdCard(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 张佳欣 → 张** : the surname (first character) only, so a resident sees who serves them without their full name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** Keeps the first part of an address (street or compound), hides house and room. */
export function maskAddress(address: string): string {
  const keep = Math.min(6, Math.ceil(address.length / 3));
  return `${address.slice(0, keep)}${'*'.repeat(Math.max(4, address.length - keep))}`;
}

/** Personal data of a resident is shown in full only to those who serve them. */
export function mayReadPersonalData(
  identity: Identity,
  subject: { residentId?: string; communityId?: string | null; streetId?: string | null },
): boolean {
  return (
    roleCovers(identity, 'DISTRICT_ADMIN') ||
    (!!subject.residentId && identity.residentId === subject.residentId && identity.roles.includes('RESIDENT')) ||
    (!!subject.streetId && roleCovers(identity, 'STREET_STAFF', { streetId: subject.streetId })) ||
    (!!subject.communityId && roleCovers(identity, 'COMMUNITY_STAFF', { communityId: subject.communityId })) ||
    (!!subject.communityId && roleCovers(identity, 'SOCIAL_WORKER', { communityId: subject.communityId }))
  );
}
