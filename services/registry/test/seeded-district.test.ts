/**
 * The seeded district through the gateway: the report's figures, batched entity
 * resolution, paging, personal-data masking and 石阿姨's service post. The seed runs
 * once, into the stack's own registry database.
 */
import { ANONYMOUS, normalizeIdentity } from '@sanshe/service-kit';
import {
  COMMUNITIES,
  communityByName,
  PARTY_ORGANIZATIONS,
  residents,
  residentsOf,
  seedDayPlus,
  serviceCentreIds,
  STREETS,
} from '@sanshe/seed-fixtures';
import { seed, type SeedSummary } from '@sanshe/registry/seed';
import { buildSeedData } from '@sanshe/registry/seed/seed-data';
import { eventually, postSigned, startStack, type Stack } from '@sanshe/test-env';

/** The driver reports every command it sends when the connection string asks it to. */
function withCommandMonitoring(url: string): string {
  if (url.includes('?')) return `${url}&monitorCommands=true`;
  return /^mongodb(\+srv)?:\/\/[^/]+\/./.test(url) ? `${url}?monitorCommands=true` : `${url.replace(/\/$/, '')}/?monitorCommands=true`;
}

interface FindCommand {
  collection: string;
  filter: Record<string, unknown>;
}

describe('the seeded district', () => {
  let stack: Stack;
  let summary: SeedSummary;
  let seedEnv: NodeJS.ProcessEnv;
  const finds: FindCommand[] = [];
  const wuhan = communityByName('武汉路社区');
  const tianjiu = communityByName('天九社区');

  beforeAll(async () => {
    stack = await startStack(['registry'], { MONGO_URL: withCommandMonitoring(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017') });
    const registry = stack.services.registry!;
    seedEnv = { ...stack.env, MONGO_DB: registry.connection.name };
    summary = await seed({ env: seedEnv });
    // The commands counted below are the request path's: registry's consumers, which look up
    // communities for other suites' events on the shared topics, are stopped for this suite.
    const ready = new URL('/health/ready', stack.serviceUrls.registry!).toString();
    await eventually(
      async () => ((await (await fetch(ready)).json()) as { consumers: boolean }).consumers,
      60_000,
      "registry's consumers to have started",
    );
    await Promise.all(registry.consumers.map((c) => c.stop()));
    registry.connection.getClient().on('commandStarted', (event) => {
      const command = event.command as { find?: unknown; filter?: Record<string, unknown> };
      if (event.commandName === 'find' && typeof command.find === 'string')
        finds.push({ collection: command.find, filter: command.filter ?? {} });
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** `find` commands the request path sent to `collection` (the outbox relay's sweeps are left out). */
  const background = (f: FindCommand) => Object.keys(f.filter).some((k) => k.startsWith('_outbox'));
  const requestFinds = (collection: string, from: number) => finds.slice(from).filter((f) => f.collection === collection && !background(f));

  it('reports the figures of the report to anonymous callers', async () => {
    const res = await stack.query<{ districtOverview: Record<string, number> }>(
      '{ districtOverview { streets communities urbanCommunities standardisedServiceHalls regionalPartyCommittees coBuildingPartyOrganizations partyMembers residents } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.districtOverview).toEqual({
      streets: 11,
      communities: 71,
      urbanCommunities: 54,
      standardisedServiceHalls: 54,
      regionalPartyCommittees: 82,
      coBuildingPartyOrganizations: 338,
      partyMembers: buildSeedData().partyMembers.length,
      residents: residents().length,
    });
    expect(summary).toMatchObject({
      streets: 11,
      communities: 71,
      urbanCommunities: 54,
      regionalPartyCommittees: 82,
      coBuildingPartyOrganizations: 338,
    });
  });

  it("cites the report's sentence for each figure it reproduces, and no source for demo figures", async () => {
    const res = await stack.query<{ districtOverview: { sources: { field: string; reported: string; citation: string }[] } }>(
      '{ districtOverview { sources { field reported citation } } }',
    );
    expect(res.errors).toBeUndefined();
    const sources = new Map(res.data!.districtOverview.sources.map((s) => [s.field, s]));
    expect([...sources.keys()].sort()).toEqual([
      'coBuildingPartyOrganizations',
      'communities',
      'regionalPartyCommittees',
      'standardisedServiceHalls',
      'streets',
      'urbanCommunities',
    ]);
    expect(sources.get('coBuildingPartyOrganizations')).toMatchObject({
      reported: '338',
      citation: expect.stringContaining('338个党组织共驻共建'),
    });
    expect(sources.get('standardisedServiceHalls')!.citation).toContain('54个城市社区服务大厅');
    for (const demo of ['partyMembers', 'residents']) expect(sources.has(demo)).toBe(false);
  });

  it('spreads the 338 co-building organizations over the regional party committees of streets and communities', async () => {
    const res = await stack.query<{ regionalPartyCommittees: { level: string; memberCount: number }[] }>(
      '{ regionalPartyCommittees { level memberCount } }',
    );
    expect(res.errors).toBeUndefined();
    const committees = res.data!.regionalPartyCommittees;
    expect(committees).toHaveLength(82);
    expect(committees.filter((c) => c.level === 'STREET')).toHaveLength(11);
    expect(committees.reduce((n, c) => n + c.memberCount, 0)).toBe(PARTY_ORGANIZATIONS.length);
    expect(committees.every((c) => c.level === 'STREET' || c.memberCount > 0)).toBe(true);
  });

  it('resolves 71 Community references from the gateway with one query on communities', async () => {
    const from = finds.length;
    const res = await postSigned<{ _entities: { id: string; name: string; urban: boolean }[] }>(
      stack.env,
      'registry',
      stack.serviceUrls.registry!,
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { id name urban } } }',
      { representations: COMMUNITIES.map((c) => ({ __typename: 'Community', id: c.id })) },
      ANONYMOUS,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual(COMMUNITIES.map((c) => ({ id: c.id, name: c.name, urban: c.urban })));
    const queries = requestFinds('communities', from);
    expect(queries).toHaveLength(1);
    expect((queries[0]!.filter._id as { $in: string[] }).$in).toHaveLength(71);
  });

  it('loads the communities of 71 party organizations in one batch', async () => {
    const from = finds.length;
    const res = await stack.query<{ partyOrganizations: { edges: { node: { community: { name: string } } }[] } }>(
      '{ partyOrganizations(first: 71, filter: { sector: COMMUNITY }) { edges { node { id community { name } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.partyOrganizations.edges.map((e) => e.node.community.name).sort()).toEqual(COMMUNITIES.map((c) => c.name).sort());
    expect(requestFinds('communities', from)).toHaveLength(1);
  });

  it('lists the members of 71 organizations with one query, for staff only', async () => {
    // Deeper than the gateway's cost limit lets a client go, so asked of the subgraph as the gateway would.
    const admin = normalizeIdentity({ userId: 'admin', roles: ['DISTRICT_ADMIN'] });
    const from = finds.length;
    const res = await postSigned<{ partyOrganizations: { edges: { node: { members: { edges: unknown[] } } }[] } }>(
      stack.env,
      'registry',
      stack.serviceUrls.registry!,
      '{ partyOrganizations(first: 71, filter: { sector: COMMUNITY }) { edges { node { members(first: 5) { edges { node { id name } } } } } } }',
      undefined,
      admin,
    );
    expect(res.errors).toBeUndefined();
    const communityOrgs = buildSeedData().partyOrganizations.filter((o) => o.sector === 'COMMUNITY');
    expect(res.data!.partyOrganizations.edges.map((e) => e.node.members.edges.length)).toEqual(
      communityOrgs.map((o) => Math.min(5, o.memberCount)),
    );
    expect(requestFinds('party_members', from)).toHaveLength(1);
    const anonymous = await stack.query(
      `{ partyOrganization(id: "${communityOrgs[0]!._id}") { members(first: 1) { edges { node { id } } } } }`,
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("pages through every resident of 武汉路社区 exactly once for the community's staff", async () => {
    const staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhan.id] });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const res: {
        data?: { residents: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null;
        errors?: unknown;
      } = await stack.query(
        'query($filter: ResidentFilter, $after: String) { residents(filter: $filter, first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { filter: { communityId: wuhan.id }, after },
        staff,
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.residents.edges.map((e) => e.node.id));
      if (!res.data!.residents.pageInfo.hasNextPage) break;
      after = res.data!.residents.pageInfo.endCursor;
    }
    const expected = residentsOf(wuhan.id).map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it("masks a resident's name, phone and address for staff of another community and refuses them the rest; the resident's own community staff see it all", async () => {
    const shi = residents().find((r) => r.id === 'resident-000001')!;
    const query = 'query($id: ID!) { resident(id: $id) { name phone address community { name } } }';
    const masked = 'query($id: ID!) { resident(id: $id) { name phone address } }';
    const otherToken = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [tianjiu.id] });
    const own = await stack.query<{ resident: { phone: string; address: string } }>(
      query,
      { id: shi.id },
      await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhan.id] }),
    );
    const other = await stack.query<{ resident: { name: string; phone: string; address: string } }>(masked, { id: shi.id }, otherToken);
    expect(own.errors).toBeUndefined();
    expect(own.data?.resident).toEqual({ name: '石阿姨', phone: shi.phone, address: shi.address, community: { name: '武汉路社区' } });
    expect(other.errors).toBeUndefined();
    expect(other.data?.resident.name).toBe('石**');
    expect(other.data?.resident.phone).toBe(`${shi.phone.slice(0, 3)}****${shi.phone.slice(-4)}`);
    expect(other.data?.resident.address).not.toBe(shi.address);
    // Where the resident lives is a fact for those who serve them (issue #14).
    const whereabouts = await stack.query(query, { id: shi.id }, otherToken);
    expect(whereabouts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps residents from anonymous callers and from residents listing the whole district', async () => {
    const anonymous = await stack.query('{ resident(id: "resident-000001") { name } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherStaff = await stack.query(
      'query($id: ID!) { residents(filter: { communityId: $id }) { edges { node { id } } } }',
      { id: wuhan.id },
      await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [tianjiu.id] }),
    );
    expect(otherStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(otherStaff.errors?.[0]?.message).toContain(wuhan.id);
  });

  it("shows 石阿姨's service post in 武汉路社区's activity room, her name masked for the public", async () => {
    const query = `query($id: ID!) { partyBuildingProfile(communityId: $id) {
      brand { name } regionalPartyCommittee { name level }
      activeServicePosts { place schedule { weekdays opensAt closesAt } holder { name phone resident { id } } } } }`;
    const pub = await stack.query<{
      partyBuildingProfile: {
        brand: { name: string };
        activeServicePosts: { place: string; holder: { name: string; phone: string; resident: unknown } }[];
      };
    }>(query, { id: wuhan.id });
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.partyBuildingProfile.brand).toEqual({ name: wuhan.brand!.name });
    const [post] = pub.data!.partyBuildingProfile.activeServicePosts;
    expect(post?.place).toContain('党员之家');
    expect(post?.holder).toMatchObject({ name: '石**', resident: null });
    const staff = await stack.query<{
      partyBuildingProfile: { activeServicePosts: { holder: { name: string; resident: { id: string } } }[] };
    }>(query, { id: wuhan.id }, await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhan.id] }));
    expect(staff.data!.partyBuildingProfile.activeServicePosts[0]!.holder).toMatchObject({
      name: '石阿姨',
      resident: { id: 'resident-000001' },
    });
  });

  it('knows the communities and brands the report names', async () => {
    const res = await stack.query<{ communityBrands: { name: string; community: { name: string } }[] }>(
      '{ communityBrands { name community { name } } }',
    );
    const expected = COMMUNITIES.filter((c) => c.brand).map((c) => ({ name: c.brand!.name, community: { name: c.name } }));
    expect(res.data?.communityBrands).toEqual(expect.arrayContaining(expected));
    expect(res.data?.communityBrands).toHaveLength(expected.length);
    const byName = await stack.query<{ communityByName: { id: string; street: { name: string } } }>(
      '{ communityByName(name: "重二社区") { id street { name } } }',
    );
    expect(byName.data?.communityByName.id).toBe(communityByName('重二社区').id);
  });

  it('refuses a service post that ends before it starts, naming the field, and one outside the caller’s community', async () => {
    const holder = buildSeedData().partyMembers.find((m) => m.residentId === 'resident-000001')!;
    const assign = 'mutation($input: AssignServicePostInput!) { assignServicePost(input: $input) { id status } }';
    const input = {
      communityId: wuhan.id,
      title: '党员服务岗·周末值守',
      place: '党员之家',
      holderId: holder._id,
      weekdays: ['SATURDAY'],
      opensAt: '09:00',
      closesAt: '11:00',
      startsOn: seedDayPlus(4),
    };
    const ownStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhan.id] });
    const backwards = await stack.query(assign, { input: { ...input, endsOn: seedDayPlus(3) } }, ownStaff);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const outside = await stack.query(assign, { input }, await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [tianjiu.id] }));
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const made = await stack.query<{ assignServicePost: { id: string; status: string } }>(assign, { input }, ownStaff);
    expect(made.data?.assignServicePost.status).toBe('ACTIVE');
    const ended = await stack.query(
      `mutation($id: ID!) { endServicePost(id: $id, endsOn: "${seedDayPlus(30)}") { status endsOn } }`,
      { id: made.data!.assignServicePost.id },
      ownStaff,
    );
    expect(ended.data).toEqual({ endServicePost: { status: 'ENDED', endsOn: seedDayPlus(30) } });
  });

  it("seeds a terminal in each urban community's hall, read for all 71 communities with one query on terminals", async () => {
    const from = finds.length;
    const res = await stack.query<{
      communities: { urban: boolean; terminals: { status: string; modules: { name: string }[] }[] }[];
      informationCentre: { terminalCount: number; onlineTerminalCount: number };
    }>('{ communities { urban terminals { status modules { name } } } informationCentre { terminalCount onlineTerminalCount } }');
    expect(res.errors).toBeUndefined();
    const withTerminal = res.data!.communities.filter((c) => c.terminals.length > 0);
    expect(withTerminal).toHaveLength(54);
    expect(withTerminal.every((c) => c.urban && c.terminals[0]!.status === 'ONLINE' && c.terminals[0]!.modules.length === 4)).toBe(true);
    expect(res.data!.informationCentre).toEqual({ terminalCount: 54, onlineTerminalCount: 54 });
    expect(requestFinds('community_terminals', from)).toHaveLength(1);
  });

  it("seeds 武汉路社区's service centre with its 200余万元 and 天九社区's 邻里中心 with what it offers", async () => {
    type Centre = {
      kind: string;
      name: string;
      rooms: string[];
      offerings: { name: string }[];
      investments: { amountAtLeastYuan: number; source: { reported: string } }[];
    };
    const q =
      'query($id: ID!) { community(id: $id) { centres { kind name rooms offerings { name } investments { amountAtLeastYuan source { reported } } } } }';
    const wuhanRes = await stack.query<{ community: { centres: Centre[] } }>(q, { id: wuhan.id });
    expect(wuhanRes.data!.community.centres).toEqual([
      expect.objectContaining({
        kind: 'PARTY_MASS_SERVICE_CENTRE',
        rooms: ['党员之家', '阅友之家', '创享社'],
        investments: [{ amountAtLeastYuan: 2_000_000, source: { reported: '200余万元' } }],
      }),
    ]);
    const tianjiuRes = await stack.query<{ community: { centres: Centre[] } }>(q, { id: tianjiu.id });
    expect(tianjiuRes.data!.community.centres).toEqual([
      {
        kind: 'NEIGHBOURHOOD_CENTRE',
        name: '天九社区邻里中心',
        rooms: [],
        offerings: [{ name: '生态时蔬花园课堂' }, { name: '环保知识' }, { name: '酵素制作' }],
        investments: [],
      },
    ]);
    const all = await stack.query<{
      investments: { fundedKind: string; source: { reported: string }; serviceCentres: { id: string }[] }[];
    }>('{ investments { fundedKind source { reported } serviceCentres { id } } }');
    expect(all.data!.investments.map((i) => i.source.reported).sort()).toEqual(['1000余万元', '200余万元', '300余万元', '500余万元']);
    // 区、街道和社区三级社会组织服务中心: the district's centre, one per street, one per community (social-orgs' ids).
    const centres = all.data!.investments.find((i) => i.fundedKind === 'SOCIAL_ORG_SERVICE_CENTRES')!.serviceCentres.map((c) => c.id);
    expect(centres).toEqual(serviceCentreIds.all());
    expect(centres).toHaveLength(1 + STREETS.length + COMMUNITIES.length);
  });

  it('changes nothing when seeded again, even after its completion marker is gone', async () => {
    const before = await seed({ env: seedEnv });
    await stack.services.registry!.connection.collection('seed_state').deleteMany({});
    const again = await seed({ env: seedEnv });
    expect(again).toEqual(before);
    expect(again.residents).toBe(residents().length);
  });
});
