import { activityHistory, communityByName, inRunxianCampaign, residents, RUNXIAN_CAMPAIGN, SEED_YEAR } from '@sanshe/seed-fixtures';
import { postSigned, startStack, type Stack } from '@sanshe/test-env';
import { normalizeIdentity } from '@sanshe/service-kit';
import { stopAndDrop } from './helpers';
import { seed, type SeedSummary } from '@sanshe/activities/seed';
import { monthOf } from '@sanshe/activities/domain/time';

const STATS = `query($period: ActivityStatsPeriod, $streetId: ID, $communityId: ID, $category: String) {
  activityStats(period: $period, streetId: $streetId, communityId: $communityId, category: $category) { activities participations byMonth { key activities } byCategory { key activities participations } }
}`;

interface Stats {
  activityStats: {
    activities: number;
    participations: number;
    byMonth: { key: string; activities: number }[];
    byCategory: { key: string; activities: number; participations: number }[];
  };
}

/** The seeded district, read through the gateway (and, for entity references, the subgraph itself). */
describe('the seeded district', () => {
  let stack: Stack;
  let summary: SeedSummary;
  const history = activityHistory();
  const tianjiu = communityByName('天九社区');
  const wuhanRoad = communityByName('武汉路社区');
  /** The last full calendar year of the seeded history. */
  const lastYear = String(SEED_YEAR - 1);

  beforeAll(async () => {
    stack = await startStack(['activities']);
    summary = await seed({ env: { ...stack.env, MONGO_DB: stack.services.activities!.connection.name } });
  }, 240_000);
  afterAll(() => stopAndDrop(stack), 120_000);

  it('tells anyone how many activities and participations two years held', async () => {
    const res = await stack.query<Stats>(`{ activityStats { activities participations } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.activityStats.activities).toBeGreaterThanOrEqual(7_000);
    expect(res.data!.activityStats.participations).toBeGreaterThanOrEqual(150_000);
    expect(res.data!.activityStats.participations).toBeLessThan(160_000);
    expect(res.data!.activityStats).toEqual({ activities: summary.activities, participations: history.attendances.length });
  });

  it('narrows the figures to a period, a street, a community and a category', async () => {
    const in2025 = history.activities.filter((a) => monthOf(a.startsAt).startsWith(lastYear));
    const year = await stack.query<Stats>(STATS, { period: { from: `${lastYear}-01`, to: `${lastYear}-12` } });
    expect(year.data!.activityStats.activities).toBe(in2025.length);
    expect(year.data!.activityStats.byMonth.map((m) => m.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${lastYear}-${String(i + 1).padStart(2, '0')}`),
    );

    const street = await stack.query<Stats>(STATS, { streetId: tianjiu.streetId });
    const community = await stack.query<Stats>(STATS, { communityId: tianjiu.id });
    const classes = await stack.query<Stats>(STATS, { communityId: tianjiu.id, category: 'ENVIRONMENTAL_CLASS' });
    const ofTianjiu = history.activities.filter((a) => a.communityId === tianjiu.id);
    expect(community.data!.activityStats.activities).toBe(ofTianjiu.length + 1); // and one upcoming class
    expect(community.data!.activityStats.participations).toBe(history.attendances.filter((a) => a.communityId === tianjiu.id).length);
    expect(street.data!.activityStats.activities).toBeGreaterThan(community.data!.activityStats.activities);
    expect(classes.data!.activityStats.byCategory.map((c) => c.key)).toEqual(['ENVIRONMENTAL_CLASS']);
    expect(classes.data!.activityStats.activities).toBe(ofTianjiu.filter((a) => a.category === 'ENVIRONMENTAL_CLASS').length + 1);

    const bad = await stack.query(STATS, { period: { from: '2025-13' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.from' });
  });

  it('keeps 韩桂芝 at the 生态时蔬花园 class in her record, and shows it to her', async () => {
    const han = residents().find((r) => r.name === '韩桂芝')!;
    const query = `query($id: ID!) { residentActivity(residentId: $id) { activityRegistrations { status activity { title community { id } } } } }`;
    const own = await stack.query<{
      residentActivity: { activityRegistrations: { status: string; activity: { title: string; community: { id: string } } }[] };
    }>(query, { id: han.id }, await stack.token({ roles: ['RESIDENT'], residentId: han.id }));
    expect(own.errors).toBeUndefined();
    expect(own.data!.residentActivity.activityRegistrations).toContainEqual({
      status: 'ATTENDED',
      activity: { title: '生态时蔬花园课堂', community: { id: tianjiu.id } },
    });
    const neighbour = await stack.query(query, { id: han.id }, await stack.token({ roles: ['RESIDENT'], residentId: 'resident-000005' }));
    expect(neighbour.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffElsewhere = await stack.query(
      query,
      { id: han.id },
      await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhanRoad.id] }),
    );
    expect(staffElsewhere.errors?.[0]?.message).toContain('COMMUNITY_STAFF for the community concerned');
  });

  it('resolves the communities, organizations and residents the gateway asks about, in one batch', async () => {
    const shiAyi = residents().find((r) => r.name === '石阿姨')!;
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Community { id venues { name kind } activityGroups { name } upcomingActivities(first: 3) { title venue { name } } }
      ... on SocialOrganization { organizedActivities(first: 2) { edges { node { title organizer { __typename ... on SocialOrganization { id } } } } pageInfo { hasNextPage } } }
      ... on Resident { volunteerShifts { role status activity { title } } }
    } }`;
    const identity = normalizeIdentity({ userId: 'u', roles: ['DISTRICT_ADMIN'] });
    const res = await postSigned<{ _entities: Record<string, unknown>[] }>(
      stack.env,
      'activities',
      stack.serviceUrls.activities!,
      query,
      {
        reps: [
          { __typename: 'Community', id: wuhanRoad.id },
          { __typename: 'SocialOrganization', id: 'org-001' },
          { __typename: 'Resident', id: shiAyi.id },
        ],
      },
      identity,
    );
    expect(res.errors).toBeUndefined();
    const [community, org, resident] = res.data!._entities as [
      Record<string, unknown>,
      { organizedActivities: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } },
      { volunteerShifts: unknown[] },
    ];
    expect((community.venues as { name: string }[]).map((v) => v.name).sort()).toEqual(
      ['党员之家', '创享社', '武汉路社区广场', '阅友之家'].sort(),
    );
    expect((community.activityGroups as { name: string }[]).map((g) => g.name)).toEqual(
      expect.arrayContaining(['红枫舞蹈队', '牡丹舞蹈队', '夕阳红舞蹈队']),
    );
    expect(community.upcomingActivities).toEqual(
      expect.arrayContaining([{ title: '社区睦邻学堂·智能手机课', venue: { name: '党员之家' } }]),
    );
    expect(org.organizedActivities.edges).toHaveLength(2);
    expect(org.organizedActivities.edges[0]).toMatchObject({ node: { organizer: { __typename: 'SocialOrganization', id: 'org-001' } } });
    expect(resident.volunteerShifts).toContainEqual({
      role: '党员服务岗',
      status: 'SCHEDULED',
      activity: { title: '社区睦邻学堂·智能手机课' },
    });
  });

  it('shares 武汉路社区 square among three square-dance teams by rota, evenings fairly', async () => {
    const res = await stack.query<{
      rota: { status: string; groups: { name: string }[]; shares: { eveningSlots: number }[]; venue: { name: string } };
    }>(`query($id: ID!) { rota(id: $id) { status venue { name } groups { name } shares { eveningSlots } } }`, {
      id: `rota-${wuhanRoad.id}-square`,
    });
    expect(res.data!.rota).toMatchObject({ status: 'ADOPTED', venue: { name: '武汉路社区广场' } });
    expect(res.data!.rota.groups).toHaveLength(3);
    const shares = res.data!.rota.shares.map((s) => s.eveningSlots);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it("puts the party-building activities in the report's 润贤思齐 campaign, and no others", async () => {
    type Res = {
      campaign: {
        name: string;
        mechanism: string;
        citation: string;
        activities: { edges: { node: { category: string; campaign: { id: string } } }[]; pageInfo: { hasNextPage: boolean } };
      };
    };
    const res = await stack.query<Res>(
      `query($id: ID!) { campaign(id: $id) { name mechanism citation activities(first: 50) { edges { node { category campaign { id } } } pageInfo { hasNextPage } } } }`,
      { id: RUNXIAN_CAMPAIGN.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.campaign).toMatchObject({
      name: RUNXIAN_CAMPAIGN.name,
      mechanism: '党建+',
      citation: expect.stringContaining('润贤银行'),
    });
    const edges = res.data!.campaign.activities.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e) => e.node.category === 'PARTY_BUILDING' && e.node.campaign.id === RUNXIAN_CAMPAIGN.id)).toBe(true);
    const linked = history.activities.filter(inRunxianCampaign).length;
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(history.activities.length);
    expect(summary.campaignActivities).toBe(linked + 1);
  });

  it('changes nothing when seeded again', async () => {
    await expect(seed({ env: { ...stack.env, MONGO_DB: stack.services.activities!.connection.name } })).resolves.toEqual(summary);
    const res = await stack.query<Stats>(`{ activityStats { activities participations } }`);
    expect(res.data!.activityStats).toEqual({ activities: summary.activities, participations: summary.attendances });
  });
});
