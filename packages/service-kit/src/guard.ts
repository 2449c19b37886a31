import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Identity, Role } from './identity';

/**
 * The one authorization guard every subgraph uses. A policy names the roles that
 * may act and, optionally, the territory or ownership the caller must hold.
 * Pure logic: no GraphQL, no database.
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

export function isAuthenticated(identity: Identity): boolean {
  return identity.userId !== null && identity.roles.length > 0;
}

/** Does one of the caller's roles reach `scope` under that role's territory rule? */
export function roleCovers(identity: Identity, role: Role, scope: Scope = {}): boolean {
  if (!identity.roles.includes(role)) return false;
  switch (role) {
    case 'DISTRICT_ADMIN':
    case 'PARTNER':
      return true;
    case 'STREET_STAFF':
      return scope.streetId ? identity.streetIds.includes(scope.streetId) : !scope.communityId && !scope.orgId && !scope.residentId;
    case 'COMMUNITY_STAFF':
      return scope.communityId ? identity.communityIds.includes(scope.communityId) : !scope.streetId && !scope.orgId && !scope.residentId;
    case 'ORG_STAFF':
      return scope.orgId ? identity.orgIds.includes(scope.orgId) : !scope.streetId && !scope.communityId && !scope.residentId;
    case 'SOCIAL_WORKER':
      if (scope.socialWorkerId) return identity.socialWorkerId === scope.socialWorkerId;
      if (scope.communityId) return identity.communityIds.includes(scope.communityId);
      if (scope.orgId) return identity.orgIds.includes(scope.orgId);
      return !scope.streetId && !scope.residentId;
    case 'RESIDENT':
      return scope.residentId ? identity.residentId === scope.residentId : false;
  }
}

export function describeScope(scope: Scope = {}): string {
  const parts: string[] = [];
  if (scope.streetId) parts.push(`street ${scope.streetId}`);
  if (scope.communityId) parts.push(`community ${scope.communityId}`);
  if (scope.orgId) parts.push(`social organization ${scope.orgId}`);
  if (scope.residentId) parts.push(`resident ${scope.residentId}`);
  if (scope.socialWorkerId) parts.push(`social worker ${scope.socialWorkerId}`);
  return parts.join(', ');
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN naming what is missing. */
export function authorize(identity: Identity, policy: Policy): void {
  if (!isAuthenticated(identity)) {
    throw new UnauthenticatedError(`Sign in first: ${policy.action} needs an authenticated caller.`);
  }
  if (policy.roles.some((role) => roleCovers(identity, role, policy.scope))) return;
  const held = policy.roles.filter((r) => identity.roles.includes(r));
  const where = describeScope(policy.scope);
  if (held.length === 0) {
    throw new ForbiddenError(`To ${policy.action} you need one of the roles ${policy.roles.join(', ')}; you have ${identity.roles.join(', ') || 'none'}.`);
  }
  throw new ForbiddenError(`To ${policy.action} your ${held.join('/')} role must cover ${where}; it does not.`);
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

/** Keeps the first part of an address (street or compound), hides house and room. */
export function maskAddress(address: string): string {
  const keep = Math.min(6, Math.ceil(address.length / 3));
  return `${address.slice(0, keep)}${'*'.repeat(Math.max(4, address.length - keep))}`;
}

/** Personal data of a resident is shown in full only to those who serve them. */
export function mayReadPersonalData(identity: Identity, subject: { residentId?: string; communityId?: string | null; streetId?: string | null }): boolean {
  return (
    roleCovers(identity, 'DISTRICT_ADMIN') ||
    (!!subject.residentId && identity.residentId === subject.residentId && identity.roles.includes('RESIDENT')) ||
    (!!subject.streetId && roleCovers(identity, 'STREET_STAFF', { streetId: subject.streetId })) ||
    (!!subject.communityId && roleCovers(identity, 'COMMUNITY_STAFF', { communityId: subject.communityId })) ||
    (!!subject.communityId && roleCovers(identity, 'SOCIAL_WORKER', { communityId: subject.communityId }))
  );
}
