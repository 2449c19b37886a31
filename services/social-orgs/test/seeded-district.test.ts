import {
  COMMUNITIES,
  SEED_YEAR,
  seedDayPlus,
  SERVICE_CONTRACTS,
  SERVICE_ITEM_CODES,
  SOCIAL_ORG_PARTY_BRANCHES,
} from '@sanshe/seed-fixtures';
import { seed, type SeedSummary } from '@sanshe/social-orgs/seed';
import { startStack, type Stack } from '@sanshe/test-env';

describe('the seeded district, through the gateway', () => {
  let stack: Stack;
  let summary: SeedSummary;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    env = { ...stack.env, MONGO_DB: stack.services['social-orgs']!.connection.name };
    summary = await seed({ env });
  });
  afterAll(() => stack?.stop());

  it("shows anonymous callers the report's figures for organizations, hubs, party branches and centres", async () => {
    const res = await stack.query(
      `{ socialOrgOverview { organizations hubs organizationsAtCentres partyBranches partyBranchOrganizations { id } centres { district street community } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      socialOrgOverview: {
        organizations: 229,
        hubs: 12,
        organizationsAtCentres: expect.any(Number),
        partyBranches: 6,
        partyBranchOrganizations: SOCIAL_ORG_PARTY_BRANCHES.map((b) => ({ id: b.partyOrganizationId })).sort((a, b) =>
          a.id.localeCompare(b.id),
        ),
        centres: { district: 1, street: 11, community: 71 },
      },
    });
    expect(
      (res.data as { socialOrgOverview: { organizationsAtCentres: number } }).socialOrgOverview.organizationsAtCentres,
    ).toBeGreaterThanOrEqual(200);
  });

  it("cites the report's sentences for the organization and social-worker figures, and none for a filtered selection", async () => {
    type Sources = { sources: { field: string; citation: string }[] };
    const res = await stack.query<{ socialOrgOverview: Sources; socialWorkerStats: Sources }>(
      `{ socialOrgOverview { sources { field citation } } socialWorkerStats { sources { field citation } } }`,
    );
    expect(res.errors).toBeUndefined();
    const org = new Map(res.data!.socialOrgOverview.sources.map((s) => [s.field, s.citation]));
    expect(org.get('organizations')).toContain('社会组织229家');
    expect(org.get('partyMembersInBranches')).toContain('党员101人');
    expect(org.has('organizationsAtCentres')).toBe(false);
    const workers = new Map(res.data!.socialWorkerStats.sources.map((s) => [s.field, s.citation]));
    expect(workers.get('total')).toContain('166名社工');
    expect(workers.get('certifiedAllWorkers')).toContain('100多名社工师');
    const filtered = await stack.query<{ socialWorkerStats: Sources }>(
      `query($c: ID) { socialWorkerStats(filter: { communityId: $c }) { sources { field } } }`,
      { c: COMMUNITIES[0]!.id },
    );
    expect(filtered.data!.socialWorkerStats.sources).toEqual([]);
  });

  it.each([
    ['DISTRICT', 1],
    ['STREET', 11],
    ['COMMUNITY', 71],
  ])('lists the %s-level service centres, each of that level', async (level, count) => {
    type Centre = {
      id: string;
      name: string;
      level: string;
      streetId: string | null;
      community: { id: string } | null;
      organizations: { name: string }[];
    };
    const res = await stack.query<{ serviceCentres: Centre[] }>(
      `query($level: ServiceCentreLevel) { serviceCentres(level: $level) { id name level streetId community { id } operator { name } organizations { name } } }`,
      { level },
    );
    expect(res.errors).toBeUndefined();
    const centres = res.data!.serviceCentres;
    expect(centres).toHaveLength(count);
    for (const c of centres) expect(c.level).toBe(level);
    if (level === 'DISTRICT') expect(centres[0]).toMatchObject({ name: '涧西区社会组织服务中心', streetId: null, community: null });
    if (level === 'COMMUNITY') expect(new Set(centres.map((c) => c.community?.id))).toEqual(new Set(COMMUNITIES.map((c) => c.id)));
  });

  it("shows anonymous callers the social workers' shares: 85% under 35, 92% college or above, 1/5 certified", async () => {
    const res = await stack.query(`{ socialWorkerStats { total under35Share collegeShare certifiedShare } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ socialWorkerStats: { total: 166, under35Share: 0.85, collegeShare: 0.92, certifiedShare: 0.2 } });
  });

  it('answers both certified figures: 1/5 of the 166 under target evaluation, and 100多名社工师 district-wide', async () => {
    const res = await stack.query<{
      socialWorkerStats: { total: number; certified: number; certifiedShare: number; certifiedAllWorkers: number };
    }>(`{ socialWorkerStats { total certified certifiedShare certifiedAllWorkers } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.socialWorkerStats).toMatchObject({ total: 166, certified: 33, certifiedShare: 0.2 });
    expect(res.data!.socialWorkerStats.certifiedAllWorkers).toBeGreaterThanOrEqual(100);
    expect(res.data!.socialWorkerStats.certifiedAllWorkers).toBeLessThan(200);
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const others = await stack.query<{
      socialWorkers: {
        edges: { node: { underTargetEvaluation: boolean; certificate: { level: string } | null; evaluations: unknown[] } }[];
      };
    }>(
      `{ socialWorkers(filter: { underTargetEvaluation: false }, first: 100) { edges { node { underTargetEvaluation certificate { level } evaluations { year } } } } }`,
      undefined,
      admin,
    );
    expect(others.errors).toBeUndefined();
    const nodes = others.data!.socialWorkers.edges.map((e) => e.node);
    expect(nodes).toHaveLength(res.data!.socialWorkerStats.certifiedAllWorkers - 33);
    for (const n of nodes)
      expect(n).toMatchObject({ underTargetEvaluation: false, certificate: { level: expect.any(String) }, evaluations: [] });
  });

  it('keeps the under-35 share for years: the seeded birth dates give 141 of 166 until 2034', async () => {
    for (const asOf of ['2026-01-01', '2030-06-30', '2034-12-31']) {
      const res = await stack.query<{ socialWorkerStats: { under35: number } }>(
        `query($asOf: String) { socialWorkerStats(asOf: $asOf) { under35 } }`,
        { asOf },
      );
      expect(res.data?.socialWorkerStats.under35).toBe(141);
    }
  });

  it('finds the six organizations serving 武汉路社区, 欣和社工 among them, and pages with cursors', async () => {
    const wuhanRoad = COMMUNITIES.find((c) => c.name === '武汉路社区')!.id;
    const q = `query($c: ID, $after: String) { socialOrganizations(filter: { communityId: $c }, first: 4, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { socialOrganizations: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await stack.query<Page>(q, { c: wuhanRoad });
    expect(first.data?.socialOrganizations.edges).toHaveLength(4);
    expect(first.data?.socialOrganizations.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query<Page>(q, { c: wuhanRoad, after: first.data!.socialOrganizations.pageInfo.endCursor });
    expect(second.data?.socialOrganizations.pageInfo.hasNextPage).toBe(false);
    const names = [...first.data!.socialOrganizations.edges, ...second.data!.socialOrganizations.edges].map((e) => e.node.name);
    expect(names).toHaveLength(6);
    expect(names).toContain('欣和社工');
  });

  it('searches by domain, kind and incubating hub', async () => {
    const hubs = await stack.query<{ socialOrganizations: { edges: { node: { id: string; kind: string } }[] } }>(
      `{ socialOrganizations(filter: { kind: HUB }, first: 50) { edges { node { id kind } } } }`,
    );
    expect(hubs.data?.socialOrganizations.edges).toHaveLength(12);
    const psychology = await stack.query<{ socialOrganizations: { edges: { node: { name: string; domains: string[] } }[] } }>(
      `{ socialOrganizations(filter: { domain: PSYCHOLOGY, nameContains: "心理" }, first: 50) { edges { node { name domains } } } }`,
    );
    expect(psychology.data?.socialOrganizations.edges.map((e) => e.node.name)).toContain('洛阳市心理咨询师协会');
    for (const e of psychology.data!.socialOrganizations.edges) expect(e.node.domains).toContain('PSYCHOLOGY');
    const incubatedSomewhere = await Promise.all(
      hubs
        .data!.socialOrganizations.edges.slice(0, 4)
        .map((e) =>
          stack.query<{ socialOrganizations: { edges: { node: { incubatingHub: { id: string } } }[] } }>(
            `query($h: ID) { socialOrganizations(filter: { hubId: $h }, first: 100) { edges { node { incubatingHub { id } } } } }`,
            { h: e.node.id },
          ),
        ),
    );
    const incubated = incubatedSomewhere.flatMap((r, i) =>
      r.data!.socialOrganizations.edges.map((e) => [e.node.incubatingHub.id, hubs.data!.socialOrganizations.edges[i]!.node.id]),
    );
    expect(incubated.length).toBeGreaterThan(0);
    for (const [hub, asked] of incubated) expect(hub).toBe(asked);
  });

  it('resolves nested references in one query per kind, however many organizations are listed', async () => {
    const connection = stack.services['social-orgs']!.connection;
    const queries: string[] = [];
    connection.set('debug', (collection: string, method: string, filter: unknown) => {
      // The outbox relay polls in the background; only the request's reads count here.
      if (!JSON.stringify(filter ?? {}).includes('_outbox')) queries.push(`${collection}.${method}`);
    });
    try {
      const res = await stack.query<{ socialOrganizations: { edges: unknown[] } }>(
        `{ socialOrganizations(first: 60) { edges { node { incubatingHub { name } serviceCentre { name operator { name } } serviceCentreLevel contracts { id } communities { id } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.socialOrganizations.edges).toHaveLength(60);
    } finally {
      connection.set('debug', false);
    }
    const count = (name: string) => queries.filter((q) => q === name).length;
    expect(count('organizations.find')).toBeLessThanOrEqual(3);
    // Centres come from the repository's snapshot: at most the one load that fills it.
    expect(count('service_centres.find')).toBeLessThanOrEqual(1);
    expect(count('service_contracts.find')).toBe(1);
  });

  it('buys every one of the 120 service items for every one of the 71 communities, without overlaps', async () => {
    const res = await stack.query<{
      serviceContracts: { edges: { node: { itemCodes: string[]; communities: { id: string }[]; provider: { id: string } } }[] };
    }>(
      `{ serviceContracts(first: 100, filter: { activeOn: "${seedDayPlus(0)}" }) { edges { node { itemCodes communities { id } provider { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.serviceContracts.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(20);
    expect(nodes.length).toBeLessThanOrEqual(40);
    const pairs = nodes.flatMap((n) => n.itemCodes.flatMap((item) => n.communities.map((c) => `${item}@${c.id}`)));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toHaveLength(SERVICE_ITEM_CODES.length * COMMUNITIES.length);
  });

  it('refuses a new contract overlapping a seeded one for the same provider, item and community', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const seeded = SERVICE_CONTRACTS.find((c) => c.endsOn === `${SEED_YEAR}-12-31`)!;
    // Contracts run in whole months from this month on: this month to the end of the sixth.
    const first = new Date(`${seedDayPlus(0).slice(0, 7)}-01T00:00:00Z`);
    const thisMonth = {
      startsOn: first.toISOString().slice(0, 10),
      endsOn: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 6, 0)).toISOString().slice(0, 10),
    };
    const sign = (providerOrgId: string) =>
      stack.query(
        `mutation($input: SignServiceContractInput!) { signServiceContract(input: $input) { id } }`,
        {
          input: {
            buyer: '湖北路街道办事处',
            providerOrgId,
            itemCodes: [seeded.itemCodes[3]],
            communityIds: [seeded.communityIds[2]],
            startsOn: thisMonth.startsOn,
            endsOn: thisMonth.endsOn,
            budgetYuan: 8_000,
          },
        },
        admin,
      );
    const res = await sign(seeded.providerOrgId);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', contractId: seeded.id });
    const item = seeded.itemCodes[3]!;
    const other = SERVICE_CONTRACTS.map((c) => c.providerOrgId).find(
      (p) => !SERVICE_CONTRACTS.some((c) => c.providerOrgId === p && c.itemCodes.includes(item)),
    )!;
    expect((await sign(other)).errors).toBeUndefined();
  });

  it('changes nothing when it runs a second time', async () => {
    const db = stack.services['social-orgs']!.connection.db!;
    const collections = ['organizations', 'social_workers', 'evaluations', 'service_contracts', 'service_centres', 'annual_reviews'];
    const counts = () => Promise.all(collections.map((c) => db.collection(c).countDocuments()));
    const before = { counts: await counts(), org: await db.collection('organizations').findOne({ _id: 'org-001' as never }) };
    expect(await seed({ env })).toEqual(summary);
    expect({ counts: await counts(), org: await db.collection('organizations').findOne({ _id: 'org-001' as never }) }).toEqual(before);
    expect(before.counts).toEqual([229, 166 + 72, 166, 73, 83, 229]);
  });
});
