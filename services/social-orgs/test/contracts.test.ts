import { TOPICS } from '@sanshe/schemas/generated/events';
import { COMMUNITIES } from '@sanshe/seed-fixtures';
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';
import { codeOf, publishedEvents, registerOrganization, rememberCommunities } from './helpers';

const SIGN = `mutation($input: SignServiceContractInput!) {
  signServiceContract(input: $input) { id status startsOn endsOn itemCodes serviceItems { code } provider { id } communities { id } }
}`;
const END = `mutation($id: ID!, $endedOn: String!) { endServiceContract(id: $id, endedOn: $endedOn, reason: "provider withdrew") { id status endedOn } }`;
const AMEND = `mutation($id: ID!, $input: AmendServiceContractInput!) { amendServiceContract(id: $id, input: $input) { endsOn budgetYuan amendments { endsOn note } } }`;

type Signed = GraphQLResponse<{ signServiceContract: { id: string; status: string } }>;

describe('government-purchased service contracts', () => {
  let stack: Stack;
  let admin: string;
  let provider: string;
  let otherProvider: string;
  // Communities of 湖北路街道 (street-01) and one of another street.
  const [c1, c2] = COMMUNITIES.filter((c) => c.streetId === 'street-01');
  const elsewhere = COMMUNITIES.find((c) => c.streetId === 'street-02')!;

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await rememberCommunities(stack);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    provider = await registerOrganization(stack, admin);
    otherProvider = await registerOrganization(stack, admin);
  });
  afterAll(() => stack?.stop());

  const sign = (input: Record<string, unknown>, token = admin): Promise<Signed> =>
    stack.query(
      SIGN,
      {
        input: {
          buyer: '涧西区民政局',
          providerOrgId: provider,
          itemCodes: ['C02-01', 'C02-02'],
          communityIds: [c1!.id],
          startsOn: '2027-01-01',
          endsOn: '2027-12-31',
          budgetYuan: 120_000,
          ...input,
        },
      },
      token,
    );

  it('signs a contract covering service items in communities', async () => {
    const res = await sign({ kpiTargets: { minOnTimeRate: 0.9, minAverageSatisfaction: 4 } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signServiceContract).toMatchObject({
      status: 'ACTIVE',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      itemCodes: ['C02-01', 'C02-02'],
      serviceItems: [{ code: 'C02-01' }, { code: 'C02-02' }],
      provider: { id: provider },
      communities: [{ id: c1!.id }],
    });
  });

  it('refuses a period overlapping a contract of the same provider for the same item and community', async () => {
    const res = await sign({ itemCodes: ['C02-02', 'C02-03'], startsOn: '2027-12-01', endsOn: '2028-06-30' });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toMatch(/C02-02 in community .* in 2027-12 under contract/);
    // Nothing half-written: the item that did not clash was not claimed either.
    expect(codeOf(await sign({ itemCodes: ['C02-03'], startsOn: '2027-12-01', endsOn: '2028-06-30' }))).toBe('OK');
  });

  it('accepts the adjacent period, another community and another provider', async () => {
    expect(codeOf(await sign({ startsOn: '2028-01-01', endsOn: '2028-03-31' }))).toBe('OK');
    expect(codeOf(await sign({ communityIds: [c2!.id] }))).toBe('OK');
    expect(codeOf(await sign({ providerOrgId: otherProvider }))).toBe('OK');
  });

  it('lets exactly one of several simultaneous overlapping signings through', async () => {
    // Every period contains June 2029, so any two overlap.
    const periods = [
      ['2029-01-01', '2029-12-31'],
      ['2029-06-01', '2030-05-31'],
      ['2029-03-01', '2029-06-30'],
      ['2028-12-01', '2029-06-30'],
      ['2029-06-01', '2029-06-30'],
    ];
    const results = await Promise.all(
      periods.map(([startsOn, endsOn]) =>
        sign({ itemCodes: ['C05-01', 'C05-02', 'C05-03'], communityIds: [c1!.id, c2!.id], startsOn, endsOn }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(periods.length - 1);
    const held = await stack.query<{ serviceContracts: { edges: unknown[] } }>(
      `query($p: ID, $d: String) { serviceContracts(filter: { providerOrgId: $p, itemCode: "C05-02", activeOn: $d }) { edges { node { id } } } }`,
      { p: provider, d: '2029-06-15' },
    );
    expect(held.data?.serviceContracts.edges).toHaveLength(1);
  });

  it('frees the rest of the period of a contract ended early', async () => {
    const first = await sign({ itemCodes: ['C07-01'], startsOn: '2027-01-01', endsOn: '2027-12-31' });
    const id = first.data!.signServiceContract.id;
    const ended = await stack.query<{ endServiceContract: { status: string; endedOn: string } }>(END, { id, endedOn: '2027-06-15' }, admin);
    expect(ended.data?.endServiceContract).toMatchObject({ status: 'ENDED', endedOn: '2027-06-15' });
    expect(codeOf(await sign({ itemCodes: ['C07-01'], startsOn: '2027-06-01', endsOn: '2027-12-31' }))).toBe('CONFLICT');
    expect(codeOf(await sign({ itemCodes: ['C07-01'], startsOn: '2027-07-01', endsOn: '2027-12-31' }))).toBe('OK');
    expect(codeOf(await stack.query(END, { id, endedOn: '2027-05-01' }, admin))).toBe('CONFLICT');
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, id, [
      'cn.sanshe.social-orgs.contract.signed.v1',
      'cn.sanshe.social-orgs.contract.ended.v1',
    ]);
    expect(events.get('cn.sanshe.social-orgs.contract.signed.v1')?.data).toMatchObject({
      contractId: id,
      providerOrgId: provider,
      itemCodes: ['C07-01'],
      communityIds: [c1!.id],
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    expect(events.get('cn.sanshe.social-orgs.contract.ended.v1')?.data).toEqual({
      contractId: id,
      providerOrgId: provider,
      endedOn: '2027-06-15',
      reason: 'provider withdrew',
    });
  });

  it('extends a contract by amendment unless the extension overlaps, and shortens it', async () => {
    const a = (await sign({ itemCodes: ['C08-01'], startsOn: '2027-01-01', endsOn: '2027-06-30' })).data!.signServiceContract.id;
    expect(codeOf(await sign({ itemCodes: ['C08-01'], startsOn: '2027-10-01', endsOn: '2027-12-31' }))).toBe('OK');
    expect(codeOf(await stack.query(AMEND, { id: a, input: { endsOn: '2027-10-31' } }, admin))).toBe('CONFLICT');
    const extended = await stack.query<{ amendServiceContract: { endsOn: string; amendments: { endsOn: string; note: string }[] } }>(
      AMEND,
      { id: a, input: { endsOn: '2027-09-30', note: '补充协议：延期三个月' } },
      admin,
    );
    expect(extended.data?.amendServiceContract).toMatchObject({
      endsOn: '2027-09-30',
      amendments: [{ endsOn: '2027-09-30', note: '补充协议：延期三个月' }],
    });
    expect(codeOf(await sign({ itemCodes: ['C08-01'], startsOn: '2027-09-01', endsOn: '2027-09-30' }))).toBe('CONFLICT');
    await stack.query(AMEND, { id: a, input: { endsOn: '2027-08-31' } }, admin);
    expect(codeOf(await sign({ itemCodes: ['C08-01'], startsOn: '2027-09-01', endsOn: '2027-09-30' }))).toBe('OK');
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, a, ['cn.sanshe.social-orgs.contract.amended.v1']);
    expect(events.get('cn.sanshe.social-orgs.contract.amended.v1')?.data).toMatchObject({ contractId: a, itemCodes: ['C08-01'] });
  });

  it('lets street staff sign for communities of their own street only', async () => {
    const street = await stack.token({ roles: ['STREET_STAFF'], streetIds: ['street-01'] });
    expect(codeOf(await sign({ itemCodes: ['C09-01'] }, street))).toBe('OK');
    const mixed = await sign({ itemCodes: ['C09-02'], communityIds: [c1!.id, elsewhere.id] }, street);
    expect(codeOf(mixed)).toBe('FORBIDDEN');
    expect(mixed.errors![0]!.message).toMatch(/DISTRICT_ADMIN/);
    const orgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [provider] });
    expect(codeOf(await sign({ itemCodes: ['C09-03'] }, orgStaff))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await stack.query(SIGN, {
          input: {
            buyer: 'x',
            providerOrgId: provider,
            itemCodes: ['C09-04'],
            communityIds: [c1!.id],
            startsOn: '2027-01-01',
            endsOn: '2027-12-31',
            budgetYuan: 1,
          },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses bad periods, unknown communities and unknown providers with the field or entity named', async () => {
    const backwards = await sign({ startsOn: '2027-12-01', endsOn: '2027-01-31' });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0]!.extensions).toMatchObject({ field: 'endsOn' });
    expect(codeOf(await sign({ startsOn: '2027-02-30' }))).toBe('BAD_USER_INPUT');
    const partMonth = await sign({ startsOn: '2027-01-15' });
    expect(codeOf(partMonth)).toBe('BAD_USER_INPUT');
    expect(partMonth.errors![0]!.message).toMatch(/whole months/);
    expect(codeOf(await sign({ endsOn: '2027-12-30' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await sign({ communityIds: ['community-999'] }))).toBe('NOT_FOUND');
    expect(codeOf(await sign({ providerOrgId: 'org-nobody' }))).toBe('NOT_FOUND');
  });
});
