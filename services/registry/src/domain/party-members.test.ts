import { ANONYMOUS, normalizeIdentity } from '@sanshe/domain-kit';
import { maskName, memberView, type PartyMember } from './party-members';

const shi: PartyMember = {
  _id: 'partymember-00001',
  name: '石阿姨',
  organizationId: 'partyorg-042',
  streetId: 'street-07',
  communityId: 'community-042',
  residentId: 'resident-000001',
  phone: '13812345678',
  joinedPartyOn: '1985-07-01',
};

describe('a party member as others see them', () => {
  it('keeps the surname only', () => {
    expect(maskName('石阿姨')).toBe('石**');
    expect(maskName('石')).toBe('*');
  });

  it('shows the name and phone to staff of the member’s community only', () => {
    expect(memberView(ANONYMOUS, shi)).toEqual({ name: '石**', phone: '138****5678' });
    const otherStaff = normalizeIdentity({ userId: 'u1', roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] });
    expect(memberView(otherStaff, shi).name).toBe('石**');
    const ownStaff = normalizeIdentity({ userId: 'u2', roles: ['COMMUNITY_STAFF'], communityIds: ['community-042'] });
    expect(memberView(ownStaff, shi)).toEqual({ name: '石阿姨', phone: '13812345678' });
  });
});
