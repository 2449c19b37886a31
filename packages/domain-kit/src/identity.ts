/** Who is calling and in which roles: the facts every authorization decision reads. Pure data, no signing. */
export const ROLES = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'ORG_STAFF', 'SOCIAL_WORKER', 'RESIDENT', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as verified by the gateway. Anonymous callers have no roles. */
export interface Identity {
  userId: string | null;
  roles: Role[];
  streetIds: string[];
  communityIds: string[];
  orgIds: string[];
  residentId: string | null;
  socialWorkerId: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({
  userId: null,
  roles: [],
  streetIds: [],
  communityIds: [],
  orgIds: [],
  residentId: null,
  socialWorkerId: null,
}) as Identity;

export function normalizeIdentity(raw: Partial<Identity>): Identity {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    userId: typeof raw.userId === 'string' ? raw.userId : null,
    roles: list(raw.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    streetIds: list(raw.streetIds),
    communityIds: list(raw.communityIds),
    orgIds: list(raw.orgIds),
    residentId: typeof raw.residentId === 'string' ? raw.residentId : null,
    socialWorkerId: typeof raw.socialWorkerId === 'string' ? raw.socialWorkerId : null,
  };
}
