import { UnauthenticatedError } from './errors';
import { ANONYMOUS, normalizeIdentity, signIdentity, verifyIdentity, type Identity } from './identity';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = 1_800_000_000;
const MAX_AGE = 30;

const worker: Identity = {
  userId: 'sw-li',
  roles: ['SOCIAL_WORKER', 'COMMUNITY_STAFF'],
  streetIds: [],
  communityIds: ['c1'],
  orgIds: ['o1'],
  residentId: null,
  socialWorkerId: 'w1',
};

function refusal(header: string | undefined, now = NOW): UnauthenticatedError {
  try {
    verifyIdentity(header, SECRET, MAX_AGE, now);
  } catch (err) {
    if (err instanceof UnauthenticatedError) return err;
    throw err;
  }
  throw new Error('expected the identity header to be refused');
}

describe('signed identity header', () => {
  it('round-trips an identity signed with the shared secret', () => {
    expect(verifyIdentity(signIdentity(worker, SECRET, NOW), SECRET, MAX_AGE, NOW)).toEqual(worker);
    expect(verifyIdentity(signIdentity(ANONYMOUS, SECRET, NOW), SECRET, MAX_AGE, NOW)).toEqual(ANONYMOUS);
  });

  it('accepts a signature up to the maximum age, either way of clock skew', () => {
    expect(verifyIdentity(signIdentity(worker, SECRET, NOW - MAX_AGE), SECRET, MAX_AGE, NOW).userId).toBe('sw-li');
    expect(verifyIdentity(signIdentity(worker, SECRET, NOW + MAX_AGE), SECRET, MAX_AGE, NOW).userId).toBe('sw-li');
  });

  it('refuses a missing header, telling the caller to come through the gateway', () => {
    const err = refusal(undefined);
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toMatch(/through the Sanshe gateway/);
  });

  it('refuses a header signed with another secret', () => {
    expect(refusal(signIdentity(worker, 'some-other-secret-of-length', NOW)).message).toMatch(/invalid/);
  });

  it('refuses a payload changed after signing (a forged role)', () => {
    const [version, ts, , sig] = signIdentity(worker, SECRET, NOW).split('.');
    const forged = Buffer.from(JSON.stringify({ ...worker, roles: ['DISTRICT_ADMIN'] })).toString('base64url');
    expect(refusal(`${version}.${ts}.${forged}.${sig}`).message).toMatch(/invalid/);
  });

  it('refuses a timestamp changed after signing', () => {
    const [version, , payload, sig] = signIdentity(worker, SECRET, NOW - 3600).split('.');
    expect(refusal(`${version}.${NOW}.${payload}.${sig}`).message).toMatch(/invalid/);
  });

  it('refuses a signature older than the maximum age, and one from the future', () => {
    expect(refusal(signIdentity(worker, SECRET, NOW - MAX_AGE - 1)).message).toMatch(/expired/);
    expect(refusal(signIdentity(worker, SECRET, NOW - 3600)).message).toMatch(/expired/);
    expect(refusal(signIdentity(worker, SECRET, NOW + 3600)).message).toMatch(/expired/);
  });

  it('refuses malformed headers', () => {
    for (const header of ['', 'garbage', 'v1.1.2', 'v2.1.e30.sig', signIdentity(worker, SECRET, NOW).replace(/^v1/, 'v0')]) {
      expect(refusal(header).code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('normalizeIdentity', () => {
  it('keeps only known roles and well-typed claims', () => {
    const raw = { userId: 'u1', roles: ['RESIDENT', 'SUPERUSER', 7], streetIds: ['s1', null], communityIds: 'c1', residentId: 42 } as unknown as Partial<Identity>;
    expect(normalizeIdentity(raw)).toEqual({
      userId: 'u1',
      roles: ['RESIDENT'],
      streetIds: ['s1'],
      communityIds: [],
      orgIds: [],
      residentId: null,
      socialWorkerId: null,
    });
  });
});
