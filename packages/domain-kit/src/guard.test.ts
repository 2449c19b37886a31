import { DomainError } from './errors';
import {
  allows,
  authorize,
  maskAddress,
  maskIdCard,
  maskName,
  maskPhone,
  mayReadPersonalData,
  roleCovers,
  type Policy,
  type Scope,
} from './guard';
import { ANONYMOUS, type Identity, type Role } from './identity';

function caller(roles: Role[], holds: Partial<Identity> = {}): Identity {
  return { ...ANONYMOUS, userId: `user-${roles.join('-') || 'none'}`, roles, ...holds };
}

/** One caller per role, each holding street s1, community c1, org o1, resident r1 or social worker w1. */
const CALLERS: Record<Role, Identity> = {
  DISTRICT_ADMIN: caller(['DISTRICT_ADMIN']),
  STREET_STAFF: caller(['STREET_STAFF'], { streetIds: ['s1'] }),
  COMMUNITY_STAFF: caller(['COMMUNITY_STAFF'], { communityIds: ['c1'] }),
  ORG_STAFF: caller(['ORG_STAFF'], { orgIds: ['o1'] }),
  SOCIAL_WORKER: caller(['SOCIAL_WORKER'], { socialWorkerId: 'w1', communityIds: ['c1'], orgIds: ['o1'] }),
  RESIDENT: caller(['RESIDENT'], { residentId: 'r1' }),
  PARTNER: caller(['PARTNER']),
};

const COLUMNS: Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'ORG_STAFF', 'SOCIAL_WORKER', 'RESIDENT', 'PARTNER'];

/**
 * Which role reaches which scope. Columns follow COLUMNS:
 *                      ADMIN STREET COMM  ORG   SW    RES   PARTNER
 */
const MATRIX: [string, Scope, boolean[]][] = [
  ['role-wide (no scope)', {}, [true, true, true, true, true, true, true]],
  ['own street', { streetId: 's1' }, [true, true, false, false, false, false, true]],
  ['other street', { streetId: 's2' }, [true, false, false, false, false, false, true]],
  ['own community in own street', { communityId: 'c1', streetId: 's1' }, [true, true, true, false, true, false, true]],
  ['sibling community in own street', { communityId: 'c2', streetId: 's1' }, [true, true, false, false, false, false, true]],
  ['community in another street', { communityId: 'c2', streetId: 's2' }, [true, false, false, false, false, false, true]],
  ['community without its street', { communityId: 'c1' }, [true, false, true, false, true, false, true]],
  ['own organization', { orgId: 'o1' }, [true, false, false, true, true, false, true]],
  ['other organization', { orgId: 'o2' }, [true, false, false, false, false, false, true]],
  ['own resident record', { residentId: 'r1', communityId: 'c1', streetId: 's1' }, [true, true, true, false, true, true, true]],
  ['another resident elsewhere', { residentId: 'r2', communityId: 'c2', streetId: 's2' }, [true, false, false, false, false, false, true]],
  ['a resident with no territory given', { residentId: 'r1' }, [true, false, false, false, false, true, true]],
  ['own social-worker record', { socialWorkerId: 'w1' }, [true, false, false, false, true, false, true]],
  ['another social worker', { socialWorkerId: 'w2' }, [true, false, false, false, false, false, true]],
];

describe('roleCovers: role × scope', () => {
  const cases = MATRIX.flatMap(([name, scope, row]) => COLUMNS.map((role, i) => [role, name, scope, row[i]!] as const));

  it.each(cases)('%s on %s → %s', (role, _name, scope, expected) => {
    expect(roleCovers(CALLERS[role], role, scope)).toBe(expected);
  });

  it('never lets a role the caller does not hold cover anything', () => {
    for (const role of COLUMNS) {
      const others = COLUMNS.filter((r) => r !== role);
      for (const other of others) expect(roleCovers(CALLERS[role], other, {})).toBe(false);
    }
  });
});

const CREATE_ACTIVITY: Policy = {
  action: 'create an activity in community c1',
  roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'],
  scope: { communityId: 'c1', streetId: 's1' },
};

function refusal(identity: Identity, policy: Policy): DomainError {
  try {
    authorize(identity, policy);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected authorize to refuse');
}

describe('authorize', () => {
  it('lets a caller through when one of their roles covers the scope', () => {
    expect(() => authorize(CALLERS.COMMUNITY_STAFF, CREATE_ACTIVITY)).not.toThrow();
    expect(() =>
      authorize(caller(['STREET_STAFF', 'COMMUNITY_STAFF'], { streetIds: ['s9'], communityIds: ['c1'] }), CREATE_ACTIVITY),
    ).not.toThrow();
    expect(allows(CALLERS.STREET_STAFF, CREATE_ACTIVITY)).toBe(true);
  });

  it('asks anonymous callers to sign in (UNAUTHENTICATED), naming the action', () => {
    const err = refusal(ANONYMOUS, CREATE_ACTIVITY);
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toBe('Sign in first: to create an activity in community c1 you need an authenticated caller.');
    expect(allows(ANONYMOUS, CREATE_ACTIVITY)).toBe(false);
  });

  it('refuses a signed-in caller without any Sanshe role as FORBIDDEN, not as unauthenticated', () => {
    const err = refusal(caller([]), CREATE_ACTIVITY);
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('you have none');
  });

  it('names the roles needed when the caller holds none of them', () => {
    const err = refusal(CALLERS.RESIDENT, CREATE_ACTIVITY);
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toBe(
      'To create an activity in community c1 you need one of the roles DISTRICT_ADMIN, STREET_STAFF, COMMUNITY_STAFF; you have RESIDENT.',
    );
  });

  it('names the territory a held role is missing', () => {
    expect(refusal(caller(['STREET_STAFF'], { streetIds: ['s2'] }), CREATE_ACTIVITY).message).toBe(
      'To create an activity in community c1 you need STREET_STAFF for the street concerned; your token does not grant it.',
    );
    expect(refusal(caller(['COMMUNITY_STAFF'], { communityIds: ['c2'] }), CREATE_ACTIVITY).message).toBe(
      'To create an activity in community c1 you need COMMUNITY_STAFF for the community concerned; your token does not grant it.',
    );
    const both = refusal(caller(['STREET_STAFF', 'COMMUNITY_STAFF'], { streetIds: ['s2'], communityIds: ['c2'] }), CREATE_ACTIVITY);
    expect(both.code).toBe('FORBIDDEN');
    expect(both.message).toContain('STREET_STAFF for the street concerned or COMMUNITY_STAFF for the community concerned');
  });

  it('names the resident for a resident acting on someone else', () => {
    const err = refusal(CALLERS.RESIDENT, { action: 'cancel service order o-7', roles: ['RESIDENT'], scope: { residentId: 'r2' } });
    expect(err.message).toBe('To cancel service order o-7 you need RESIDENT for the resident themself; your token does not grant it.');
  });
});

describe('masking personal data', () => {
  it('masks a mobile number to its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('masks an ID card number to its first four and last four characters', () => {
    expect(maskIdCard('410305195901011234')).toBe('4103**********1234');
    expect(maskIdCard('1234')).toBe('****');
  });

  it('keeps the surname of a name and hides the given name', () => {
    expect(maskName('张佳欣')).toBe('张**');
    expect(maskName('李雯')).toBe('李*');
    expect(maskName('王')).toBe('王*');
  });

  it('keeps the start of an address and hides house and room', () => {
    const masked = maskAddress('洛阳市涧西区武汉路社区3号楼2单元501室');
    expect(masked.startsWith('洛阳市涧西区')).toBe(true);
    expect(masked).not.toContain('501');
    expect(masked).toMatch(/\*{4,}$/);
  });
});

describe('mayReadPersonalData', () => {
  const subject = { residentId: 'r1', communityId: 'c1', streetId: 's1' };
  it.each<[string, Identity, boolean]>([
    ['a district admin', CALLERS.DISTRICT_ADMIN, true],
    ['the resident themself', CALLERS.RESIDENT, true],
    ['another resident', caller(['RESIDENT'], { residentId: 'r2' }), false],
    ['staff of the street', CALLERS.STREET_STAFF, true],
    ['staff of another street', caller(['STREET_STAFF'], { streetIds: ['s2'] }), false],
    ['staff of the community', CALLERS.COMMUNITY_STAFF, true],
    ['staff of another community', caller(['COMMUNITY_STAFF'], { communityIds: ['c2'] }), false],
    ['a social worker serving the community', CALLERS.SOCIAL_WORKER, true],
    ['organization staff', CALLERS.ORG_STAFF, false],
    ['a partner', CALLERS.PARTNER, false],
    ['an anonymous caller', ANONYMOUS, false],
  ])('%s → %s', (_who, identity, expected) => {
    expect(mayReadPersonalData(identity, subject)).toBe(expected);
  });
});
