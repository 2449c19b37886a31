import { ForbiddenError, UnauthenticatedError, ANONYMOUS, type Identity } from '@sanshe/domain-kit';
import {
  assertMayReadOrder,
  authorizeAny,
  canReadOrder,
  mayReadOrderPersonalData,
  residentPolicy,
  staffPolicy,
} from '../../src/domain/access';
import { anOrder } from '../builders/orders';

const who = (changes: Partial<Identity>): Identity => ({ ...ANONYMOUS, userId: 'u1', ...changes });

describe('who may see an order', () => {
  const order = anOrder({ providerOrgId: 'org-001', status: 'IN_PROGRESS' });

  it('lets the resident, the territory and the provider read it, and nobody else', () => {
    expect(canReadOrder(who({ roles: ['RESIDENT'], residentId: 'resident-000001' }), order)).toBe(true);
    expect(canReadOrder(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }), order)).toBe(true);
    expect(canReadOrder(who({ roles: ['STREET_STAFF'], streetIds: ['street-01'] }), order)).toBe(true);
    expect(canReadOrder(who({ roles: ['SOCIAL_WORKER'], communityIds: ['community-001'] }), order)).toBe(true);
    expect(canReadOrder(who({ roles: ['ORG_STAFF'], orgIds: ['org-001'] }), order)).toBe(true);
    expect(canReadOrder(who({ roles: ['ORG_STAFF'], orgIds: ['org-002'] }), order)).toBe(false);
    expect(canReadOrder(who({ roles: ['RESIDENT'], residentId: 'resident-000002' }), order)).toBe(false);
    expect(() => assertMayReadOrder(who({ roles: ['SOCIAL_WORKER'], communityIds: ['community-002'] }), order)).toThrow(ForbiddenError);
    expect(() => assertMayReadOrder(ANONYMOUS, order)).toThrow(UnauthenticatedError);
  });

  it('shows the phone and address to those who serve the resident, the provider only while it works on the order', () => {
    const provider = who({ roles: ['ORG_STAFF'], orgIds: ['org-001'] });
    expect(mayReadOrderPersonalData(provider, order)).toBe(true);
    expect(mayReadOrderPersonalData(provider, { ...order, status: 'CLOSED' })).toBe(false);
    expect(mayReadOrderPersonalData(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }), order)).toBe(true);
    expect(mayReadOrderPersonalData(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-002'] }), order)).toBe(false);
  });

  it('lets a partner (an Open311 app) read any order, never its personal data', () => {
    const partner = who({ roles: ['PARTNER'] });
    expect(canReadOrder(partner, order)).toBe(true);
    expect(canReadOrder(partner, anOrder({ communityId: 'community-009', streetId: 'street-05', residentId: 'resident-000777' }))).toBe(
      true,
    );
    expect(mayReadOrderPersonalData(partner, order)).toBe(false);
    expect(mayReadOrderPersonalData(partner, { ...order, status: 'CLOSED' })).toBe(false);
  });

  it('names every way an action could have been allowed when none is', () => {
    const action = 'close service order JX-1';
    expect(() =>
      authorizeAny(who({ roles: ['ORG_STAFF'], orgIds: ['org-001'] }), action, [
        residentPolicy('resident-000001', action),
        staffPolicy(order, action),
      ]),
    ).toThrow(
      'To close service order JX-1 you need RESIDENT for the resident themself, or DISTRICT_ADMIN/STREET_STAFF/COMMUNITY_STAFF for the community concerned or its street; your token (roles: ORG_STAFF) does not grant it.',
    );
  });
});
