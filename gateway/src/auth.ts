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

/**
 * Verifies bearer tokens: against an OIDC issuer's JWKS when configured (keys cached
 * by jose), else HS256 with the local secret. `iss`, `aud` and `exp` are checked.
 * No header means an anonymous caller, who sees only public data.
 */
export function createAuthenticator(config: GatewayConfig): Authenticator {
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  const jwks = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL), { cacheMaxAge: 10 * 60 * 1000 }) : null;
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
    try {
      const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
      const { payload } = jwks
        ? await jwtVerify<SansheClaims>(match[1]!, jwks, options)
        : await jwtVerify<SansheClaims>(match[1]!, secret, { ...options, algorithms: ['HS256'] });
      if (!payload.sub) throw new UnauthenticatedError('The token has no subject (sub).');
      return normalizeIdentity({ ...payload, userId: payload.sub } as Parameters<typeof normalizeIdentity>[0]);
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      const reason = (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'The token has expired; sign in again.' : 'The token is not valid for Sanshe.';
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
    .sign(new TextEncoder().encode(config.JWT_SECRET));
}
