import {
  claimHolds,
  claimId,
  claimsFor,
  isFirstOfMonth,
  isLastOfMonth,
  monthsBetween,
  type ClaimOwner,
  type ContractClaim,
} from './contract-claims';

const now = new Date('2026-11-27T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const GRACE = 120_000;

const claim = (month: string, claimedAt = minutesAgo(60), signingId = 's1'): ContractClaim => ({
  _id: claimId('org-001', 'C02-01', 'community-001', month),
  contractId: 'c1',
  signingId,
  claimedAt,
});
const owner = (over: Partial<ClaimOwner> = {}): ClaimOwner => ({
  _id: 'c1',
  signingId: 's1',
  status: 'ACTIVE',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  endedOn: null,
  ...over,
});

describe('contract claims', () => {
  it('lists the months of a period, across a year end', () => {
    expect(monthsBetween('2026-11-01', '2027-02-28')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-03-01', '2027-03-31')).toEqual(['2027-03']);
    expect(monthsBetween('2027-03-01', '2027-02-28')).toEqual([]);
  });

  it('knows the first and the last day of a month, leap years included', () => {
    expect(isFirstOfMonth('2027-01-01')).toBe(true);
    expect(isFirstOfMonth('2027-01-02')).toBe(false);
    expect(isLastOfMonth('2028-02-29')).toBe(true);
    expect(isLastOfMonth('2027-02-28')).toBe(true);
    expect(isLastOfMonth('2028-02-28')).toBe(false);
  });

  it('needs one claim per item, community and month, sorted so overlapping signings meet at the same first claim', () => {
    const claims = claimsFor(
      {
        contractId: 'c1',
        signingId: 's1',
        providerOrgId: 'org-001',
        itemCodes: ['C02-02', 'C02-01'],
        communityIds: ['community-002', 'community-001'],
        startsOn: '2027-01-01',
        endsOn: '2027-03-31',
      },
      now,
    );
    expect(claims).toHaveLength(2 * 2 * 3);
    expect(claims[0]!._id).toBe('org-001|C02-01|community-001|2027-01');
    expect(claims.map((c) => c._id)).toEqual([...claims.map((c) => c._id)].sort());
  });

  it('holds while its contract serves the month', () => {
    expect(claimHolds(claim('2027-06'), owner(), now, GRACE)).toBe(true);
  });

  it('holds while younger than the grace period even without a contract: a signing in progress', () => {
    expect(claimHolds(claim('2027-06', minutesAgo(1)), undefined, now, GRACE)).toBe(true);
    expect(claimHolds(claim('2028-06', minutesAgo(1)), owner(), now, GRACE)).toBe(true);
  });

  it('is stale once old when its contract never appeared, belongs to another signing, or ended before the month', () => {
    expect(claimHolds(claim('2027-06'), undefined, now, GRACE)).toBe(false);
    expect(claimHolds(claim('2027-06'), owner({ signingId: 'an-earlier-attempt' }), now, GRACE)).toBe(false);
    expect(claimHolds(claim('2027-07'), owner({ status: 'ENDED', endedOn: '2027-06-15' }), now, GRACE)).toBe(false);
    expect(claimHolds(claim('2027-06'), owner({ status: 'ENDED', endedOn: '2027-06-15' }), now, GRACE)).toBe(true);
    expect(claimHolds(claim('2027-01'), owner({ status: 'ENDED', endedOn: '2026-12-31' }), now, GRACE)).toBe(false);
  });
});
