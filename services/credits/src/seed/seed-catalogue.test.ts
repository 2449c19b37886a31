import { PARTY_ORGANIZATIONS, RUNXIAN_CAMPAIGN, SEEDED_AT } from '@sanshe/seed-fixtures';
import { planCatalogue } from './seed-catalogue';

describe('the seeded reward catalogue', () => {
  const { rewards } = planCatalogue(SEEDED_AT);
  const sectorOf = new Map(PARTY_ORGANIZATIONS.map((p) => [p.id, p.sector]));

  it("puts the rewards social organizations' units donate, and only those, in the 润贤思齐 campaign", () => {
    const linked = rewards.filter((r) => r.campaignId === RUNXIAN_CAMPAIGN.id);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length).toBeLessThan(rewards.length);
    expect(
      rewards.filter((r) => (sectorOf.get(r.donorUnitId) === 'SOCIAL_ORGANIZATION') !== (r.campaignId === RUNXIAN_CAMPAIGN.id)),
    ).toEqual([]);
  });
});
