import { activityHistory, COMMUNITIES, PARTY_ORGANIZATIONS, residents, SERVICE_CATEGORIES, SOCIAL_ORGANIZATIONS, STREETS } from './index';

describe('the seeded district', () => {
  it('has the territory of the report: 11 streets, 71 communities of which 54 urban with standardised halls', () => {
    expect(STREETS).toHaveLength(11);
    expect(COMMUNITIES).toHaveLength(71);
    expect(COMMUNITIES.filter((c) => c.urban && c.standardisedHall)).toHaveLength(54);
    expect(new Set(COMMUNITIES.map((c) => c.name)).size).toBe(71);
    for (const name of ['武汉路社区', '天九社区', '重二社区', '长安路三社区', '南口社区', '南村社区']) {
      expect(COMMUNITIES.map((c) => c.name)).toContain(name);
    }
    for (const street of STREETS) expect(COMMUNITIES.some((c) => c.streetId === street.id)).toBe(true);
    // 重二社区 is 重庆路二社区 by its short name: the district has one of them, not both.
    expect(COMMUNITIES.map((c) => c.name)).not.toContain('重庆路二社区');
  });

  it('has 338 co-building party organizations and 229 social organizations, 12 of them hubs', () => {
    expect(PARTY_ORGANIZATIONS).toHaveLength(338);
    expect(SOCIAL_ORGANIZATIONS).toHaveLength(229);
    expect(SOCIAL_ORGANIZATIONS.filter((o) => o.kind === 'HUB')).toHaveLength(12);
    const wuhan = COMMUNITIES.find((c) => c.name === '武汉路社区')!.id;
    const serving = SOCIAL_ORGANIZATIONS.filter((o) => o.communityIds.includes(wuhan));
    expect(serving).toHaveLength(6);
    expect(serving.map((o) => o.name)).toContain('欣和社工');
    expect(new Set(SOCIAL_ORGANIZATIONS.map((o) => o.name)).size).toBe(229);
    // Generated names join two different parts: 同心睦邻, never 同心同心.
    for (const o of SOCIAL_ORGANIZATIONS) expect(o.name).not.toMatch(/^涧西区(.{2})\1/);
  });

  it('has at least 20,000 residents, the same on every build', () => {
    const all = residents();
    expect(all.length).toBeGreaterThanOrEqual(20_000);
    expect(all[0]).toMatchObject({ id: 'resident-000001', name: '石阿姨', birthYear: 1961, volunteer: true });
    expect(all.find((r) => r.name === '韩桂芝')).toBeDefined();
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('lists 12 categories holding 120 services', () => {
    expect(SERVICE_CATEGORIES).toHaveLength(12);
    expect(SERVICE_CATEGORIES.flatMap((c) => c.items)).toHaveLength(120);
  });

  it("has two years of activity history: 7,000+ activities and the report's 15万人次 (150,000–159,999 attendances) over all 71 communities", () => {
    const history = activityHistory();
    expect(history.activities.length).toBeGreaterThanOrEqual(7_000);
    expect(history.attendances.length).toBeGreaterThanOrEqual(150_000);
    expect(history.attendances.length).toBeLessThan(160_000);
    expect(new Set(history.activities.map((a) => a.communityId)).size).toBe(71);
    const gardens = history.activities.filter((a) => a.title === '生态时蔬花园课堂');
    const tianjiu = COMMUNITIES.find((c) => c.name === '天九社区')!.id;
    expect(gardens.map((g) => g.organizer)).toEqual([{ kind: 'COMMUNITY', id: tianjiu }]);
    const garden = gardens[0]!;
    const han = residents().find((r) => r.name === '韩桂芝')!;
    expect(history.attendances.some((a) => a.activityId === garden.id && a.residentId === han.id)).toBe(true);
    expect(new Set(history.attendances.map((a) => a.id)).size).toBe(history.attendances.length);
  });
});
