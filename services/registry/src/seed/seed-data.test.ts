import { COMMUNITIES, communityByName, PARTY_ORGANIZATIONS, residents, SEED_DAY, SOCIAL_ORG_PARTY_BRANCHES } from '@sanshe/seed-fixtures';
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
    expect(data.communities.find((c) => c._id === wuhan.id)!.stats.residents).toBe(
      residents().filter((r) => r.communityId === wuhan.id).length,
    );
    expect(data.partyOrganizations.reduce((n, o) => n + o.memberCount, 0)).toBe(data.partyMembers.length);
    expect(data.partyMembers.length).toBeGreaterThan(2_000);
  });

  it('holds the 101 members of the six branches inside social organizations, each branch named after its organizations', () => {
    const branches = SOCIAL_ORG_PARTY_BRANCHES.map((b) => data.partyOrganizations.find((o) => o._id === b.partyOrganizationId)!);
    expect(branches.map((b) => b.name)).toEqual(
      expect.arrayContaining(['欣和社工党支部', '阳光社工党支部', '长乐社工党支部', '洛阳市心理咨询师协会党支部']),
    );
    for (const b of branches) expect(b).toMatchObject({ sector: 'SOCIAL_ORGANIZATION', kind: 'BRANCH' });
    expect(branches.reduce((n, b) => n + b.memberCount, 0)).toBe(101);
    expect(data.partyMembers.filter((m) => branches.some((b) => b._id === m.organizationId))).toHaveLength(101);
  });

  it('matches seeded offers only to needs of the same kind (精准对接)', () => {
    const matched = data.resourceOffers.filter((o) => o.match);
    expect(matched.length).toBeGreaterThanOrEqual(40);
    const needs = new Map(data.projectNeeds.map((n) => [n._id, n]));
    expect(matched.filter((o) => needs.get(o.match!.needId)!.category !== o.category)).toEqual([]);
  });

  it("puts 石阿姨 on a service post in 武汉路社区's activity room", () => {
    const member = data.partyMembers.find((m) => m.residentId === SHI_AYI_RESIDENT_ID)!;
    const post = data.servicePosts.find((p) => p.holderId === member._id)!;
    expect(post.communityId).toBe(communityByName('武汉路社区').id);
    expect(post.place).toContain('党员之家');
  });

  it('holds district linkage meetings before the seed day, each joining committees of at least two streets that exist', () => {
    const committees = new Set([...data.streets, ...data.communities].map((t) => t.regionalCommittee._id));
    const streetOf = new Map([
      ...data.streets.map((s) => [s.regionalCommittee._id, s._id] as const),
      ...data.communities.map((c) => [c.regionalCommittee._id, c.streetId] as const),
    ]);
    expect(data.districtLinkageMeetings.length).toBeGreaterThan(0);
    for (const m of data.districtLinkageMeetings) {
      expect(m.heldOn < SEED_DAY).toBe(true);
      expect(m.committeeIds.every((id) => committees.has(id))).toBe(true);
      expect(m.streetIds).toEqual([...new Set(m.committeeIds.map((id) => streetOf.get(id)!))].sort());
      expect(m.streetIds.length).toBeGreaterThanOrEqual(2);
    }
  });
});
