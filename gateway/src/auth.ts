import { ANONYMOUS, normalizeIdentity, UnauthenticatedError, type Identity } from '@sanshe/service-kit';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { GatewayConfig } from './config';

/** Claims Sanshe reads from a token, besides `sub`. */
export interface SansheClaims extends JWTPayload {
  roles?: string[];
  streetIds?: string[];
  communityIds?: string[];
  orgIds?: string[];
  residentId?: string;
  socialWorkerId?: string;
}

export type Authenticator = (authorization: string | undefined) => Promise<Identity>;

type AuthConfig = Pick<
  GatewayConfig,
  | 'JWT_SECRET'
  | 'JWKS_URL'
  | 'JWKS_REFETCH_COOLDOWN_SECONDS'
  | 'JWT_ISSUER'
  | 'JWT_AUDIENCE'
  | 'JWT_MAX_LIFETIME_SECONDS'
  | 'JWT_CLOCK_TOLERANCE_SECONDS'
>;

/** What an issuer may sign with: public-key algorithms only, so no token can pass as signed with a key the JWKS publishes. */
const ISSUER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies bearer tokens: against an OIDC issuer's JWKS when configured, else HS256 with the
 * local secret. The JWKS is cached for ten minutes and fetched again when a token names a key
 * id it lacks (the issuer rotated), at most once per JWKS_REFETCH_COOLDOWN_SECONDS. `iss`, `aud`, `exp` and `iat` are required:
 * a token that never expires, or lives longer than JWT_MAX_LIFETIME_SECONDS, is refused.
 * No header means an anonymous caller, who sees only public data.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const secret = new TextEncoder().encode(config.JWT_SECRET ?? '');
  const jwks = config.JWKS_URL
    ? createRemoteJWKSet(new URL(config.JWKS_URL), {
        cacheMaxAge: 10 * 60 * 1000,
        cooldownDuration: config.JWKS_REFETCH_COOLDOWN_SECONDS * 1000,
      })
    : null;
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
    try {
      const options = {
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        requiredClaims: ['exp', 'iat'],
        clockTolerance: config.JWT_CLOCK_TOLERANCE_SECONDS,
      };
      const { payload } = jwks
        ? await jwtVerify<SansheClaims>(match[1]!, jwks, { ...options, algorithms: ISSUER_ALGORITHMS })
        : await jwtVerify<SansheClaims>(match[1]!, secret, { ...options, algorithms: ['HS256'] });
      if (!payload.sub) throw new UnauthenticatedError('The token has no subject (sub).');
      if (payload.exp! - payload.iat! > config.JWT_MAX_LIFETIME_SECONDS) {
        throw new UnauthenticatedError(`The token lives longer than ${config.JWT_MAX_LIFETIME_SECONDS} s; ask for a shorter-lived token.`);
      }
      return normalizeIdentity({ ...payload, userId: payload.sub } as Parameters<typeof normalizeIdentity>[0]);
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      const code = (err as { code?: string; claim?: string }).code;
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'The token has expired; sign in again.'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && ['exp', 'iat'].includes((err as { claim?: string }).claim ?? '')
            ? 'The token must carry an expiry (exp) and an issue time (iat).'
            : 'The token is not valid for Sanshe.';
      throw new UnauthenticatedError(reason);
    }
  };
}

/** Mints a local HS256 token (development and tests). */
export function mintToken(
  config: Pick<GatewayConfig, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>,
  claims: Omit<SansheClaims, 'sub'> & { sub: string },
  expiresIn = '8h',
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(requireSecret(config.JWT_SECRET)));
}

function requireSecret(secret: string | undefined): string {
  if (!secret) throw new Error('JWT_SECRET is not set: local tokens cannot be minted when tokens come from an issuer (JWKS_URL).');
  return secret;
}
