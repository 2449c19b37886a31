import { COMMUNITIES, communityByName, PARTY_ORGANIZATIONS, residents } from '@sanshe/seed-fixtures';
import { buildSeedData, SHI_AYI_RESIDENT_ID } from './seed-data';

describe('the registry seed data', () => {
  const data = buildSeedData();

  it('is the same on every build', () => {
    expect(buildSeedData()).toEqual(data);
  });

  it('keeps every fixture id and puts all 338 party organizations in co-building', () => {
    expect(data.streets.map((s) => s._id)).toHaveLength(11);
    expect(data.communities.map((c) => c._id)).toEqual(COMMUNITIES.map((c) => c.id));
    expect(data.partyOrganizations.map((o) => o._id)).toEqual(PARTY_ORGANIZATIONS.map((o) => o.id));
    expect(data.partyOrganizations.every((o) => o.coBuilding)).toBe(true);
    expect(new Set(data.partyOrganizations.map((o) => o.name)).size).toBe(338);
    expect(data.residents.map((r) => r._id)).toEqual(residents().map((r) => r.id));
  });

  it('gives each community its resident count and each organization its member count', () => {
    const wuhan = communityByName('武汉路社区');
    expect(data.communities.find((c) => c._id === wuhan.id)!.stats.residents).toBe(residents().filter((r) => r.communityId === wuhan.id).length);
    expect(data.partyOrganizations.reduce((n, o) => n + o.memberCount, 0)).toBe(data.partyMembers.length);
    expect(data.partyMembers.length).toBeGreaterThan(2_000);
  });

  it("puts 石阿姨 on a service post in 武汉路社区's activity room", () => {
    const member = data.partyMembers.find((m) => m.residentId === SHI_AYI_RESIDENT_ID)!;
    const post = data.servicePosts.find((p) => p.holderId === member._id)!;
    expect(post.communityId).toBe(communityByName('武汉路社区').id);
    expect(post.place).toContain('党员之家');
  });
});
