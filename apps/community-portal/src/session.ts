/** The roles the development picker offers, with the scope each needs (as the token CLI asks). */
export const DEV_ROLES = {
  RESIDENT: { scope: 'residentId', label: '居民 (resident id)' },
  COMMUNITY_STAFF: { scope: 'communityIds', label: '社区工作人员 (community id)' },
  STREET_STAFF: { scope: 'streetIds', label: '街道工作人员 (street id)' },
  SOCIAL_WORKER: { scope: 'communityIds', label: '社工 (community id)' },
  DISTRICT_ADMIN: { scope: null, label: '区管理员' },
} as const;

export type DevRole = keyof typeof DEV_ROLES;

export interface Session {
  token: string | null;
  role: DevRole | null;
  /** The id the role is scoped to: the resident, community or street. */
  scope: string | null;
}

/** Kept in memory only: a reload signs out, and no token sits in storage for a script to read. */
export const session: Session = { token: null, role: null, scope: null };

/**
 * Signs in through the gateway's development endpoint (POST /dev/token, loopback and
 * non-production only). Production front ends sign in with the district's OIDC issuer instead.
 */
export async function devSignIn(role: DevRole, scope: string): Promise<void> {
  const field = DEV_ROLES[role].scope;
  const body: Record<string, unknown> = { roles: [role], sub: `portal-${role.toLowerCase()}-${scope || 'district'}` };
  if (field === 'residentId') body.residentId = scope;
  else if (field) body[field] = [scope];
  const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!res.ok || !answer.token) {
    throw new Error(
      res.status === 404
        ? 'This gateway has no development sign-in (production, or tokens from an OIDC issuer).'
        : (answer.error ?? `Sign-in failed with HTTP ${res.status}.`),
    );
  }
  Object.assign(session, { token: answer.token, role, scope: scope || null });
}

export function signOut(): void {
  Object.assign(session, { token: null, role: null, scope: null });
}
