import { createHmac } from 'node:crypto';
import { UnauthenticatedError } from '@sanshe/domain-kit';
import { generateKeySet } from './dev-keys';
import { ANONYMOUS, normalizeIdentity, type Identity } from '@sanshe/domain-kit';
import { parseSigningKey, parseTrustedKeys, signIdentity, verifyIdentity } from './identity';

const keys = generateKeySet('unit');
const SIGNER = parseSigningKey(keys.IDENTITY_SIGNING_KEY);
const TRUSTED = parseTrustedKeys(keys.IDENTITY_PUBLIC_KEYS);
const NOW = 1_800_000_000;
const BODY = '{"query":"{ community(id: \\"c1\\") { name } }"}';
const hop = { audience: 'registry', body: BODY, nowSeconds: NOW };

const worker: Identity = {
  userId: 'sw-li',
  roles: ['SOCIAL_WORKER', 'COMMUNITY_STAFF'],
  streetIds: [],
  communityIds: ['c1'],
  orgIds: ['o1'],
  residentId: null,
  socialWorkerId: 'w1',
};

function refusal(header: string | undefined, request: Partial<typeof hop> = {}): UnauthenticatedError {
  try {
    verifyIdentity(header, TRUSTED, { ...hop, ...request });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return err;
    throw err;
  }
  throw new Error('expected the identity header to be refused');
}

describe('signed identity header (Ed25519, one hop)', () => {
  it('round-trips an identity signed for this subgraph and this body', () => {
    expect(verifyIdentity(signIdentity(worker, SIGNER, hop), TRUSTED, hop)).toEqual(worker);
    expect(verifyIdentity(signIdentity(ANONYMOUS, SIGNER, hop), TRUSTED, hop)).toEqual(ANONYMOUS);
  });

  it('refuses the header on another subgraph', () => {
    expect(refusal(signIdentity(worker, SIGNER, hop), { audience: 'credits' }).message).toMatch(/another service/);
  });

  it('refuses the header with another request body', () => {
    expect(refusal(signIdentity(worker, SIGNER, hop), { body: BODY.replace('c1', 'c2') }).message).toMatch(/another request body/);
  });

  it('lives at most ten seconds, with two seconds of clock skew', () => {
    expect(verifyIdentity(signIdentity(worker, SIGNER, { ...hop, ttlSeconds: 60 }), TRUSTED, { ...hop, nowSeconds: NOW + 12 }).userId).toBe(
      'sw-li',
    );
    expect(refusal(signIdentity(worker, SIGNER, { ...hop, ttlSeconds: 60 }), { nowSeconds: NOW + 13 }).message).toMatch(/expired/);
    expect(refusal(signIdentity(worker, SIGNER, hop), { nowSeconds: NOW - 3 }).message).toMatch(/expired/);
  });

  it('refuses a key it does not trust, even with a known kid', () => {
    const other = generateKeySet('unit');
    const foreign = parseSigningKey(`${SIGNER.kid}:${other.IDENTITY_SIGNING_KEY.split(':')[1]}`);
    expect(refusal(signIdentity(worker, foreign, hop)).message).toMatch(/invalid/);
    expect(refusal(signIdentity(worker, parseSigningKey(other.IDENTITY_SIGNING_KEY), hop)).message).toMatch(/unknown key/);
  });

  it('refuses claims changed after signing', () => {
    const [version, kid, , sig] = signIdentity(worker, SIGNER, hop).split('.');
    const claims = { aud: 'registry', iat: NOW, exp: NOW + 10, bdy: 'x', idn: { ...worker, roles: ['DISTRICT_ADMIN'] } };
    expect(refusal(`${version}.${kid}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`).message).toMatch(/invalid/);
  });

  it('refuses the former HMAC header, missing and malformed headers', () => {
    const signedPart = `v1.${NOW}.${Buffer.from(JSON.stringify(worker)).toString('base64url')}`;
    const v1 = `${signedPart}.${createHmac('sha256', 'any-shared-secret').update(signedPart).digest('base64url')}`;
    expect(refusal(undefined).message).toMatch(/through the Sanshe gateway/);
    for (const header of ['', 'garbage', 'v2.a.b', v1, signIdentity(worker, SIGNER, hop).replace(/^v2/, 'v1')]) {
      expect(refusal(header)).toBeInstanceOf(UnauthenticatedError);
    }
  });

  it('names the variable when a key does not parse', () => {
    expect(() => parseSigningKey('no-kid-here')).toThrow(/IDENTITY_SIGNING_KEY/);
    expect(() => parseSigningKey('k1:bm90IGEga2V5')).toThrow(/IDENTITY_SIGNING_KEY.*PKCS#8/);
    expect(() => parseTrustedKeys('k1:bm90IGEga2V5')).toThrow(/IDENTITY_PUBLIC_KEYS/);
    expect(() => parseTrustedKeys(' , ')).toThrow(/at least one/);
  });
});

describe('normalizeIdentity', () => {
  it('drops unknown roles and non-string values', () => {
    expect(normalizeIdentity({ userId: 'u', roles: ['RESIDENT', 'ROOT' as never], communityIds: ['c1', 5 as never] })).toEqual({
      ...ANONYMOUS,
      userId: 'u',
      roles: ['RESIDENT'],
      communityIds: ['c1'],
    });
  });
});
