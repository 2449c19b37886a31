import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from './errors';

export const ROLES = [
  'DISTRICT_ADMIN',
  'STREET_STAFF',
  'COMMUNITY_STAFF',
  'ORG_STAFF',
  'SOCIAL_WORKER',
  'RESIDENT',
  'PARTNER',
] as const;
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

export const IDENTITY_HEADER = 'x-sanshe-identity';
const VERSION = 'v1';

function mac(secret: string, signedPart: string): string {
  return createHmac('sha256', secret).update(signedPart).digest('base64url');
}

/** Signs an identity for one hop gateway → subgraph: `v1.<unix seconds>.<payload>.<hmac>`. */
export function signIdentity(identity: Identity, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const payload = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const signedPart = `${VERSION}.${nowSeconds}.${payload}`;
  return `${signedPart}.${mac(secret, signedPart)}`;
}

/**
 * Verifies the identity header. A missing, forged or stale header is refused, so a
 * subgraph port reached directly lets no one in.
 */
export function verifyIdentity(
  header: string | undefined,
  secret: string,
  maxAgeSeconds: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): Identity {
  if (!header) throw new UnauthenticatedError('Requests must come through the Sanshe gateway (identity signature missing).');
  const parts = header.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new UnauthenticatedError('The identity signature is malformed.');
  const [, ts, payload, sig] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(secret, `${VERSION}.${ts}.${payload}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new UnauthenticatedError('The identity signature is invalid.');
  }
  const issuedAt = Number(ts);
  if (!Number.isInteger(issuedAt) || Math.abs(nowSeconds - issuedAt) > maxAgeSeconds) {
    throw new UnauthenticatedError('The identity signature has expired; send the request again through the gateway.');
  }
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Identity>;
  return normalizeIdentity(parsed);
}

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
