/**
 * The information platform through the gateway: its modules as a map of the graph, the
 * community terminals the information centre runs, the report's investments and the
 * community centres (天九社区's 邻里中心). Terminals are registered through mutations; the
 * report's rows come from the platform seed, written as the seed writes them.
 */
import { loadSupergraphSdl } from '@sanshe/schemas';
import { apiSchemaOf } from '@sanshe/schemas/supergraph-check';
import { communityByName } from '@sanshe/seed-fixtures';
import { buildPlatformSeed, TIANJIU_NEIGHBOURHOOD_CENTRE_ID } from '@sanshe/registry/seed/seed-platform';
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const CREATE_STREET = 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }';
const CREATE_COMMUNITY = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }';
const REGISTER =
  'mutation($input: RegisterTerminalInput!) { registerTerminal(input: $input) { id name status modules { key name } community { id } } }';
const SET_STATUS =
  'mutation($id: ID!, $status: TerminalStatus!, $note: String) { setTerminalStatus(id: $id, status: $status, note: $note) { id status statusNote } }';

const errorOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions ?? {};

describe('the information platform', () => {
  let stack: Stack;
  let admin: string;
  let ids: { street: string; a: string; b: string };

  const ok = async <T>(res: Promise<GraphQLResponse<T>>): Promise<T> => {
    const awaited = await res;
    expect(awaited.errors).toBeUndefined();
    return awaited.data!;
  };

  beforeAll(async () => {
    stack = await startStack(['registry']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const r = stack.runId;
    ids = { street: `${r}-street`, a: `${r}-a`, b: `${r}-b` };
    await ok(stack.query(CREATE_STREET, { input: { id: ids.street, name: '天津路街道' } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.a, name: '天九社区', streetId: ids.street, urban: true } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.b, name: '天十社区', streetId: ids.street, urban: true } }, admin));
    // The report's rows, as `npm run seed` writes them (the seeded ids of the fixtures' communities).
    const seed = buildPlatformSeed();
    const db = stack.services.registry!.connection;
    await db.collection('community_centres').insertMany(seed.centres as never[]);
    await db.collection('investments').insertMany(seed.investments as never[]);
  });
  afterAll(() => stack?.stop());

  it('lists the four modules of the report, each pointing only at fields and types the supergraph has', async () => {
    const { platformModules } = await ok(
      stack.query<{
        platformModules: { key: string; name: string; entryPoints: { kind: 'QUERY' | 'MUTATION' | 'TYPE'; name: string }[] }[];
      }>('{ platformModules { key name entryPoints { kind name } } }'),
    );
    expect(platformModules.map((m) => m.name)).toEqual(['政务通', '服务通', '活动通', '社区动态']);
    const api = apiSchemaOf(loadSupergraphSdl());
    const missing = platformModules.flatMap((m) =>
      m.entryPoints
        .filter((e) =>
          e.kind === 'TYPE'
            ? !api.getType(e.name)
            : !(e.kind === 'QUERY' ? api.getQueryType() : api.getMutationType())!.getFields()[e.name],
        )
        .map((e) => `${m.key}: ${e.kind} ${e.name}`),
    );
    expect(missing).toEqual([]);
    expect(platformModules.every((m) => m.entryPoints.length > 0)).toBe(true);
  });

  it('lets community staff register a terminal in their own community only, starting OFFLINE', async () => {
    const staffA = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a] });
    const input = {
      communityId: ids.a,
      name: '服务大厅一号机',
      kind: 'SELF_SERVICE_KIOSK',
      location: '党群服务中心·服务大厅',
      modules: ['SERVICES', 'GOVERNMENT_AFFAIRS', 'SERVICES'],
    };
    const { registerTerminal } = await ok(
      stack.query<{ registerTerminal: { id: string; status: string; modules: { key: string }[] } }>(REGISTER, { input }, staffA),
    );
    expect(registerTerminal).toMatchObject({ status: 'OFFLINE', modules: [{ key: 'GOVERNMENT_AFFAIRS' }, { key: 'SERVICES' }] });
    expect(errorOf(await stack.query(REGISTER, { input: { ...input, communityId: ids.b, name: '二号机' } }, staffA)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await stack.query(REGISTER, { input: { ...input, name: '三号机' } })).code).toBe('UNAUTHENTICATED');
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: 'resident-x' });
    expect(errorOf(await stack.query(REGISTER, { input: { ...input, name: '四号机' } }, resident)).code).toBe('FORBIDDEN');
  });

  it('refuses a second terminal of the same name in a community, a terminal serving no module and an unknown community', async () => {
    const input = { communityId: ids.b, name: '大厅屏', kind: 'INFORMATION_SCREEN', location: '服务大厅', modules: ['COMMUNITY_NEWS'] };
    await ok(stack.query(REGISTER, { input }, admin));
    expect(errorOf(await stack.query(REGISTER, { input }, admin))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(errorOf(await stack.query(REGISTER, { input: { ...input, name: '空屏', modules: [] } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'modules',
    });
    expect(errorOf(await stack.query(REGISTER, { input: { ...input, communityId: `${stack.runId}-nowhere` } }, admin))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Community',
    });
  });

  it('changes a status for the territory staff only, and wants a reason for maintenance', async () => {
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.street] });
    const { registerTerminal } = await ok(
      stack.query<{ registerTerminal: { id: string } }>(
        REGISTER,
        { input: { communityId: ids.b, name: '楼道机', kind: 'STAFF_DESK', location: '二楼', modules: ['ACTIVITIES'] } },
        streetStaff,
      ),
    );
    const id = registerTerminal.id;
    const staffA = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a] });
    expect(errorOf(await stack.query(SET_STATUS, { id, status: 'ONLINE' }, staffA)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(SET_STATUS, { id, status: 'MAINTENANCE' }, streetStaff))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
    expect(errorOf(await stack.query(SET_STATUS, { id: `${stack.runId}-none`, status: 'ONLINE' }, admin))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'CommunityTerminal',
    });
    const staffB = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b] });
    expect(
      (await ok(stack.query<{ setTerminalStatus: unknown }>(SET_STATUS, { id, status: 'MAINTENANCE', note: '屏幕更换' }, staffB)))
        .setTerminalStatus,
    ).toEqual({ id, status: 'MAINTENANCE', statusNote: '屏幕更换' });
    expect((await ok(stack.query<{ setTerminalStatus: unknown }>(SET_STATUS, { id, status: 'ONLINE' }, staffB))).setTerminalStatus).toEqual(
      { id, status: 'ONLINE', statusNote: null },
    );
  });

  it("serves each community's terminals and the information centre's counts", async () => {
    const res = await ok(
      stack.query<{
        communities: { id: string; terminals: { name: string; status: string }[] }[];
        informationCentre: { terminalCount: number; onlineTerminalCount: number };
      }>(
        `{ communities(streetId: "${ids.street}") { id terminals { name status } } informationCentre { terminalCount onlineTerminalCount } }`,
      ),
    );
    const byId = new Map(res.communities.map((c) => [c.id, c.terminals]));
    expect(byId.get(ids.a)).toEqual([{ name: '服务大厅一号机', status: 'OFFLINE' }]);
    expect(
      byId
        .get(ids.b)
        ?.map((t) => t.name)
        .sort(),
    ).toEqual(['大厅屏', '楼道机'].sort());
    expect(res.informationCentre.terminalCount).toBe(3);
    expect(res.informationCentre.onlineTerminalCount).toBe(1);
  });

  it('serves the four investments as lower bounds with the report wording, on what they funded and in the district list', async () => {
    const { investments, informationPlatform, informationCentre } = await ok(
      stack.query<{
        investments: {
          purpose: string;
          fundedKind: string;
          amountAtLeastYuan: number;
          source: { reported: string; citation: string };
          centre: { name: string } | null;
        }[];
        informationPlatform: { investments: { amountAtLeastYuan: number }[]; modules: { name: string }[] };
        informationCentre: { investments: { source: { reported: string } }[] };
      }>(
        `{ investments { purpose fundedKind amountAtLeastYuan source { reported citation } centre { name } }
           informationPlatform { investments { amountAtLeastYuan } modules { name } }
           informationCentre { investments { source { reported } } } }`,
      ),
    );
    expect(investments.map((i) => [i.fundedKind, i.amountAtLeastYuan, i.source.reported]).sort()).toEqual(
      [
        ['COMMUNITY_CENTRE', 2_000_000, '200余万元'],
        ['INFORMATION_CENTRE', 10_000_000, '1000余万元'],
        ['INFORMATION_PLATFORM', 5_000_000, '500余万元'],
        ['SOCIAL_ORG_SERVICE_CENTRES', 3_000_000, '300余万元'],
      ].sort(),
    );
    for (const i of investments) expect(i.source.citation).toContain(i.source.reported.replace('元', ''));
    expect(investments.find((i) => i.fundedKind === 'COMMUNITY_CENTRE')!.centre).toEqual({ name: '武汉路社区党群服务中心' });
    expect(informationPlatform).toEqual({
      investments: [{ amountAtLeastYuan: 5_000_000 }],
      modules: [{ name: '政务通' }, { name: '服务通' }, { name: '活动通' }, { name: '社区动态' }],
    });
    expect(informationCentre.investments).toEqual([{ source: { reported: '1000余万元' } }]);
  });

  it("serves 天九社区's neighbourhood centre and what it offers from the community", async () => {
    const tianjiu = communityByName('天九社区');
    const db = stack.services.registry!.connection;
    // The seeded community itself, so the centre hangs off the fixture's id.
    await db.collection('communities').insertOne({
      _id: tianjiu.id,
      name: '天九社区',
      streetId: tianjiu.streetId,
      urban: true,
      serviceHall: null,
      brand: null,
      regionalCommittee: { _id: `rpc-${tianjiu.id}`, name: '天九社区区域党委' },
      stats: { residents: 0, publishedActivities: 0 },
    } as never);
    const { community } = await ok(
      stack.query<{
        community: {
          centres: {
            id: string;
            kind: string;
            name: string;
            offerings: { name: string }[];
            citation: string;
            community: { name: string };
          }[];
        };
      }>(`{ community(id: "${tianjiu.id}") { centres { id kind name offerings { name } citation community { name } } } }`),
    );
    expect(community.centres).toEqual([
      {
        id: TIANJIU_NEIGHBOURHOOD_CENTRE_ID,
        kind: 'NEIGHBOURHOOD_CENTRE',
        name: '天九社区邻里中心',
        offerings: [{ name: '生态时蔬花园课堂' }, { name: '环保知识' }, { name: '酵素制作' }],
        citation: expect.stringContaining('邻里中心'),
        community: { name: '天九社区' },
      },
    ]);
  });
});
