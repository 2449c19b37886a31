/**
 * Community centres and the district's investments written through the gateway: who may open
 * or change a centre (its community, its street, the district), who may record an investment
 * (the district; a street only for its own community centres), and that a refused write
 * leaves nothing behind.
 */
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const CREATE_STREET = 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }';
const CREATE_COMMUNITY = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }';
const OPEN =
  'mutation($input: OpenCommunityCentreInput!) { openCommunityCentre(input: $input) { id name kind rooms offerings { name description } citation community { id } } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateCommunityCentreInput!) { updateCommunityCentre(id: $id, input: $input) { id name rooms offerings { name } } }';
const RECORD =
  'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id purpose fundedKind built amountAtLeastYuan source { field reported citation } centre { id name } } }';

const errorOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions ?? {};

describe('community centres and investments', () => {
  let stack: Stack;
  let admin: string;
  let ids: { north: string; south: string; a: string; b: string; c: string };

  const ok = async <T>(res: Promise<GraphQLResponse<T>>): Promise<T> => {
    const awaited = await res;
    expect(awaited.errors).toBeUndefined();
    return awaited.data!;
  };
  const count = (collection: string, filter: Record<string, unknown> = {}) =>
    stack.services.registry!.connection.collection(collection).countDocuments(filter);

  beforeAll(async () => {
    stack = await startStack(['registry']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const r = stack.runId;
    ids = { north: `${r}-north`, south: `${r}-south`, a: `${r}-a`, b: `${r}-b`, c: `${r}-c` };
    await ok(stack.query(CREATE_STREET, { input: { id: ids.north, name: '天津路街道' } }, admin));
    await ok(stack.query(CREATE_STREET, { input: { id: ids.south, name: '武汉路街道' } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.a, name: '天九社区', streetId: ids.north, urban: true } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.b, name: '天十社区', streetId: ids.north, urban: true } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.c, name: '武汉路社区', streetId: ids.south, urban: true } }, admin));
  });
  afterAll(() => stack?.stop());

  const centreInput = (communityId: string, name: string) => ({
    communityId,
    name,
    kind: 'NEIGHBOURHOOD_CENTRE',
    rooms: ['活动室'],
    offerings: [{ name: '酵素制作', description: 'Making enzymes from kitchen scraps.' }],
  });

  it('lets community staff open a centre in their own community, without a citation, and refuses other communities', async () => {
    const staffA = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a] });
    const { openCommunityCentre } = await ok(
      stack.query<{ openCommunityCentre: Record<string, unknown> }>(OPEN, { input: centreInput(ids.a, '天九社区邻里中心') }, staffA),
    );
    expect(openCommunityCentre).toMatchObject({
      name: '天九社区邻里中心',
      kind: 'NEIGHBOURHOOD_CENTRE',
      rooms: ['活动室'],
      offerings: [{ name: '酵素制作', description: 'Making enzymes from kitchen scraps.' }],
      citation: null,
      community: { id: ids.a },
    });
    expect(errorOf(await stack.query(OPEN, { input: centreInput(ids.b, '天十社区邻里中心') }, staffA)).code).toBe('FORBIDDEN');
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: 'resident-x' });
    expect(errorOf(await stack.query(OPEN, { input: centreInput(ids.b, '天十社区邻里中心') }, resident)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(OPEN, { input: centreInput(ids.b, '天十社区邻里中心') })).code).toBe('UNAUTHENTICATED');
    expect(await count('community_centres', { communityId: ids.b })).toBe(0);
  });

  it("lets a street's staff open centres in its communities only, and district admins anywhere", async () => {
    const northStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.north] });
    await ok(stack.query(OPEN, { input: centreInput(ids.b, '天十社区党群服务中心') }, northStaff));
    expect(errorOf(await stack.query(OPEN, { input: centreInput(ids.c, '武汉路社区邻里中心') }, northStaff)).code).toBe('FORBIDDEN');
    await ok(stack.query(OPEN, { input: centreInput(ids.c, '武汉路社区邻里中心') }, admin));
  });

  it('refuses a second centre of the same name in a community, an unknown community and bad rooms, writing nothing', async () => {
    const before = await count('community_centres');
    expect(errorOf(await stack.query(OPEN, { input: centreInput(ids.a, '天九社区邻里中心') }, admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(errorOf(await stack.query(OPEN, { input: centreInput(`${stack.runId}-nowhere`, '某中心') }, admin))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Community',
    });
    expect(
      errorOf(await stack.query(OPEN, { input: { ...centreInput(ids.a, '天九社区文化中心'), rooms: ['活动室', '活动室'] } }, admin)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rooms' });
    expect(errorOf(await stack.query(OPEN, { input: { ...centreInput(ids.a, '  ') } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    expect(await count('community_centres')).toBe(before);
    // The same name in another community is another centre.
    await ok(stack.query(OPEN, { input: centreInput(ids.b, '天九社区邻里中心') }, admin));
  });

  it('updates a centre for the territory staff only, refusing a taken name and leaving it as it was', async () => {
    const centres = stack.services.registry!.connection.collection('community_centres');
    const centre = (await centres.findOne({ communityId: ids.a, name: '天九社区邻里中心' }))!;
    const id = String(centre._id);
    await ok(stack.query(OPEN, { input: centreInput(ids.a, '天九社区党群服务中心') }, admin));
    const staffA = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a] });
    const staffB = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b] });
    const southStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.south] });
    expect(errorOf(await stack.query(UPDATE, { id, input: { rooms: ['书屋'] } }, staffB)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(UPDATE, { id, input: { rooms: ['书屋'] } }, southStaff)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(UPDATE, { id, input: { name: '天九社区党群服务中心', rooms: ['书屋'] } }, staffA))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(errorOf(await stack.query(UPDATE, { id, input: {} }, staffA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(errorOf(await stack.query(UPDATE, { id: `${stack.runId}-none`, input: { rooms: [] } }, admin))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'CommunityCentre',
    });
    expect(await centres.findOne({ _id: id } as never)).toEqual(centre);
    const { updateCommunityCentre } = await ok(
      stack.query<{ updateCommunityCentre: unknown }>(
        UPDATE,
        { id, input: { rooms: ['书屋', '活动室'], offerings: [{ name: '生态时蔬花园课堂', description: 'Growing vegetables.' }] } },
        staffA,
      ),
    );
    expect(updateCommunityCentre).toEqual({
      id,
      name: '天九社区邻里中心',
      rooms: ['书屋', '活动室'],
      offerings: [{ name: '生态时蔬花园课堂' }],
    });
  });

  it('records investments for the district admin, with or without the report as source', async () => {
    const { recordInvestment } = await ok(
      stack.query<{ recordInvestment: Record<string, unknown> }>(
        RECORD,
        {
          input: {
            purpose: '社会组织服务中心',
            fundedKind: 'SOCIAL_ORG_SERVICE_CENTRES',
            built: ['社会组织服务中心'],
            amountAtLeastYuan: 3_000_000,
            source: { reported: '300余万元', citation: '投入300余万元建设社会组织服务中心' },
          },
        },
        admin,
      ),
    );
    expect(recordInvestment).toMatchObject({
      fundedKind: 'SOCIAL_ORG_SERVICE_CENTRES',
      amountAtLeastYuan: 3_000_000,
      source: { field: 'amountAtLeastYuan', reported: '300余万元', citation: '投入300余万元建设社会组织服务中心' },
      centre: null,
    });
    const centreId = String(
      (await stack.services.registry!.connection.collection('community_centres').findOne({ communityId: ids.c }))!._id,
    );
    const { recordInvestment: demo } = await ok(
      stack.query<{ recordInvestment: Record<string, unknown> }>(
        RECORD,
        {
          input: { purpose: '武汉路社区邻里中心', fundedKind: 'COMMUNITY_CENTRE', centreId, built: ['活动室'], amountAtLeastYuan: 50_000 },
        },
        admin,
      ),
    );
    expect(demo).toMatchObject({ source: null, centre: { id: centreId, name: '武汉路社区邻里中心' } });
    const { community } = await ok(
      stack.query<{ community: { centres: { id: string; investments: { amountAtLeastYuan: number }[] }[] } }>(
        `{ community(id: "${ids.c}") { centres { id investments { amountAtLeastYuan } } } }`,
      ),
    );
    expect(community.centres).toEqual([{ id: centreId, investments: [{ amountAtLeastYuan: 50_000 }] }]);
  });

  it("lets a street's staff record an investment only in a community centre of their street", async () => {
    const centres = stack.services.registry!.connection.collection('community_centres');
    const northCentre = String((await centres.findOne({ communityId: ids.b, name: '天十社区党群服务中心' }))!._id);
    const southCentre = String((await centres.findOne({ communityId: ids.c }))!._id);
    const northStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.north] });
    const input = {
      purpose: '天十社区党群服务中心',
      fundedKind: 'COMMUNITY_CENTRE',
      centreId: northCentre,
      built: ['党员之家'],
      amountAtLeastYuan: 80_000,
    };
    await ok(stack.query(RECORD, { input }, northStaff));
    const before = await count('investments');
    expect(errorOf(await stack.query(RECORD, { input: { ...input, centreId: southCentre } }, northStaff)).code).toBe('FORBIDDEN');
    expect(
      errorOf(await stack.query(RECORD, { input: { ...input, fundedKind: 'INFORMATION_CENTRE', centreId: null } }, northStaff)).code,
    ).toBe('FORBIDDEN');
    const staffB = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b] });
    expect(errorOf(await stack.query(RECORD, { input }, staffB)).code).toBe('FORBIDDEN');
    expect(await count('investments')).toBe(before);
  });

  it('refuses an inconsistent kind and centre, an unknown centre and a non-positive amount, writing nothing', async () => {
    const before = await count('investments');
    const input = { purpose: '信息中心', fundedKind: 'INFORMATION_CENTRE', built: ['信息中心'], amountAtLeastYuan: 10_000_000 };
    expect(errorOf(await stack.query(RECORD, { input: { ...input, fundedKind: 'COMMUNITY_CENTRE' } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'centreId',
    });
    expect(errorOf(await stack.query(RECORD, { input: { ...input, centreId: 'centre-any' } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'centreId',
    });
    expect(
      errorOf(await stack.query(RECORD, { input: { ...input, fundedKind: 'COMMUNITY_CENTRE', centreId: `${stack.runId}-none` } }, admin)),
    ).toMatchObject({ code: 'NOT_FOUND', entity: 'CommunityCentre' });
    expect(errorOf(await stack.query(RECORD, { input: { ...input, amountAtLeastYuan: 0 } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'amountAtLeastYuan',
    });
    expect(errorOf(await stack.query(RECORD, { input: { ...input, built: [] } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'built',
    });
    // Service centres are named only by the investment that built them.
    expect(errorOf(await stack.query(RECORD, { input: { ...input, serviceCentreIds: ['centre-district'] } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'serviceCentreIds',
    });
    expect(await count('investments')).toBe(before);
  });
});
