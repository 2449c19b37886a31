import type { Identity, Role, Scope } from '@sanshe/domain-kit';
import type { Activity } from './activity-model';

/** Who may create, publish, cancel and complete activities: territory staff, and an organizing social organization's staff. */
export const ORGANIZER_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'ORG_STAFF'];

/** Who runs an activity on the day: organizers plus the social workers serving the community. */
export const ACTIVITY_STAFF_ROLES: readonly Role[] = [...ORGANIZER_ROLES, 'SOCIAL_WORKER'];

/** Who manages a community's venues, groups and rotas. */
export const VENUE_MANAGER_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'];

/** Who may book a venue. */
export const BOOKER_ROLES: readonly Role[] = [...VENUE_MANAGER_ROLES, 'SOCIAL_WORKER'];

export const communityScope = (x: { communityId: string; streetId: string }): Scope => ({
  communityId: x.communityId,
  streetId: x.streetId,
});

/** An activity's scope: its territory, and its organizing social organization when there is one. */
export function activityScope(a: Pick<Activity, 'communityId' | 'streetId' | 'organizer'>): Scope {
  return { ...communityScope(a), ...(a.organizer.kind === 'SOCIAL_ORGANIZATION' ? { orgId: a.organizer.id } : {}) };
}

/** What a use-case needs to know about its caller. */
export interface Caller {
  identity: Identity;
  traceparent: string;
}
