import { TOPICS } from '@sanshe/schemas/generated/events';
import { startStack, type Stack } from '@sanshe/test-env';
import { codeOf, freshCreditCode, publishedEvents, REGISTER_ORG, registerOrganization, rememberCommunities } from './helpers';

const UPDATE = `mutation($id: ID!, $input: UpdateSocialOrganizationInput!) { updateSocialOrganization(id: $id, input: $input) { name domains communities { id } } }`;
const REVIEW = `mutation($input: RecordAnnualReviewInput!) { recordAnnualReview(input: $input) { year inspection { result } partyCheckup { result score } organization { id } } }`;
const COVERAGE = `mutation($id: ID!, $coverage: PartyCoverageInput) { setPartyCoverage(organizationId: $id, coverage: $coverage) { partyCoverage { mode partyMembers partyOrganization { id } } } }`;
// partyMembersInBranches is registry's (it holds the members): test/e2e/party-branches.test.ts reads it.
const OVERVIEW = `{ socialOrgOverview { organizations partyBranches instructorCovered } }`;

describe('social organizations', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await rememberCommunities(stack);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(() => stack?.stop());

  // Unique names without long digit runs: partner-safety scans the shared topics for phone and ID numbers.
  let registered = 0;
  const uniqueSuffix = () => (registered++).toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
  const register = (input: Record<string, unknown>, token = admin) =>
    stack.query(
      REGISTER_ORG,
      {
        input: {
          name: `阳光社工${stack.runId}·${uniqueSuffix()}`,
          kind: 'SOCIAL_WORK_AGENCY',
          creditCode: freshCreditCode(),
          domains: ['YOUTH'],
          communityIds: ['community-002'],
          ...input,
        },
      },
      token,
    );

  it('registers an organization with a valid unified social credit code', async () => {
    const res = await register({ creditCode: ' 91350100m000100y43 ', domains: ['YOUTH', 'CHILD_CARE'] });
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      registerSocialOrganization: {
        creditCode: '91350100M000100Y43',
        status: 'ACTIVE',
        domains: ['CHILD_CARE', 'YOUTH'],
        communities: [{ id: 'community-002' }],
      },
    });
  });

  it('refuses a credit code whose check character is wrong, naming the field', async () => {
    const res = await register({ creditCode: '91350100M000100Y44' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'creditCode' });
    expect(res.errors![0]!.message).toMatch(/check character is 4, but the first 17 characters give 3/);
  });

  it('refuses a credit code or a name that is already registered', async () => {
    const code = freshCreditCode();
    expect(codeOf(await register({ creditCode: code }))).toBe('OK');
    expect(codeOf(await register({ creditCode: code }))).toBe('CONFLICT');
  });

  it('lets only district admins register, and tells anonymous callers to sign in', async () => {
    expect(codeOf(await register({}, await stack.token({ roles: ['STREET_STAFF'], streetIds: ['street-01'] })))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await stack.query(REGISTER_ORG, {
          input: { name: 'x', kind: 'HUB', creditCode: freshCreditCode(), domains: ['YOUTH'], communityIds: [] },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it("lets an organization's own staff keep its domains and communities current, but not its registered name", async () => {
    const id = await registerOrganization(stack, admin);
    const staff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [id] });
    const updated = await stack.query<{ updateSocialOrganization: { domains: string[]; communities: { id: string }[] } }>(
      UPDATE,
      { id, input: { domains: ['MEDIATION', 'LEGAL'], communityIds: ['community-003', 'community-004'] } },
      staff,
    );
    expect(updated.data?.updateSocialOrganization).toMatchObject({
      domains: ['LEGAL', 'MEDIATION'],
      communities: [{ id: 'community-003' }, { id: 'community-004' }],
    });
    const renamed = await stack.query(UPDATE, { id, input: { name: '别的名字' } }, staff);
    expect(codeOf(renamed)).toBe('FORBIDDEN');
    expect(renamed.errors![0]!.message).toMatch(/name .*DISTRICT_ADMIN/);
    const otherStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: ['org-someone-else'] });
    expect(codeOf(await stack.query(UPDATE, { id, input: { domains: ['CULTURE'] } }, otherStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(UPDATE, { id, input: { communityIds: ['community-999'] } }, staff))).toBe('NOT_FOUND');
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, id, [
      'cn.sanshe.social-orgs.organization.registered.v1',
      'cn.sanshe.social-orgs.organization.updated.v1',
    ]);
    expect(events.get('cn.sanshe.social-orgs.organization.updated.v1')?.data).toMatchObject({
      organizationId: id,
      domains: ['LEGAL', 'MEDIATION'],
      changedFields: ['domains', 'communityIds'],
    });
  });

  it('records the annual inspection and the party-building checkup together, once per year', async () => {
    const id = await registerOrganization(stack, admin);
    const input = {
      organizationId: id,
      year: 2025,
      inspection: { result: 'PASSED', inspectedOn: '2026-04-10' },
      partyCheckup: { result: 'HEALTHY', score: 92, checkedOn: '2026-04-10', findings: '三同步落实到位' },
    };
    const first = await stack.query(REVIEW, { input }, admin);
    expect(first.data).toEqual({
      recordAnnualReview: {
        year: 2025,
        inspection: { result: 'PASSED' },
        partyCheckup: { result: 'HEALTHY', score: 92 },
        organization: { id },
      },
    });
    expect(
      codeOf(await stack.query(REVIEW, { input: { ...input, inspection: { result: 'FAILED', inspectedOn: '2026-05-01' } } }, admin)),
    ).toBe('CONFLICT');
    expect(
      codeOf(await stack.query(REVIEW, { input: { ...input, year: 2024, partyCheckup: { ...input.partyCheckup, score: 101 } } }, admin)),
    ).toBe('BAD_USER_INPUT');

    const reviews = `query($id: ID!) { socialOrganization(id: $id) { name annualReviews { year } } }`;
    const staff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [id] });
    expect(
      (await stack.query<{ socialOrganization: { annualReviews: { year: number }[] } }>(reviews, { id }, staff)).data?.socialOrganization
        .annualReviews,
    ).toEqual([{ year: 2025 }]);
    const anonymous = await stack.query<{ socialOrganization: { name: string; annualReviews: unknown } }>(reviews, { id });
    expect(anonymous.data?.socialOrganization).toMatchObject({ annualReviews: null });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, id, ['cn.sanshe.social-orgs.inspection.recorded.v1']);
    expect(events.get('cn.sanshe.social-orgs.inspection.recorded.v1')?.data).toEqual({
      organizationId: id,
      year: 2025,
      inspectionResult: 'PASSED',
      inspectedOn: '2026-04-10',
      partyCheckupResult: 'HEALTHY',
      partyCheckupScore: 92,
      checkedOn: '2026-04-10',
    });
  });

  it('counts own and joint party branches and their members, and links a branch to its organizations', async () => {
    const before = (await stack.query<{ socialOrgOverview: Record<string, number> }>(OVERVIEW)).data!.socialOrgOverview;
    const [a, b, c] = [
      await registerOrganization(stack, admin),
      await registerOrganization(stack, admin),
      await registerOrganization(stack, admin),
    ];
    const own = `${stack.runId}-partyorg-own`;
    const joint = `${stack.runId}-partyorg-joint`;
    expect(
      codeOf(await stack.query(COVERAGE, { id: a, coverage: { mode: 'OWN_BRANCH', partyOrganizationId: own, partyMembers: 7 } }, admin)),
    ).toBe('OK');
    expect(
      codeOf(
        await stack.query(COVERAGE, { id: b, coverage: { mode: 'JOINT_BRANCH', partyOrganizationId: joint, partyMembers: 2 } }, admin),
      ),
    ).toBe('OK');
    expect(
      codeOf(
        await stack.query(COVERAGE, { id: c, coverage: { mode: 'JOINT_BRANCH', partyOrganizationId: joint, partyMembers: 1 } }, admin),
      ),
    ).toBe('OK');
    const after = (await stack.query<{ socialOrgOverview: Record<string, number> }>(OVERVIEW)).data!.socialOrgOverview;
    expect(after).toEqual({ ...before, organizations: before.organizations! + 3, partyBranches: before.partyBranches! + 2 });

    const branch = await stack.query<{
      socialOrganization: { partyCoverage: { partyOrganization: { id: string; branchOf: { id: string }[] } } };
    }>(`query($id: ID!) { socialOrganization(id: $id) { partyCoverage { partyOrganization { id branchOf { id } } } } }`, { id: b });
    expect(branch.data?.socialOrganization.partyCoverage.partyOrganization).toEqual({
      id: joint,
      branchOf: [{ id: b }, { id: c }].sort((x, y) => x.id.localeCompare(y.id)),
    });

    expect(
      codeOf(await stack.query(COVERAGE, { id: b, coverage: { mode: 'OWN_BRANCH', partyOrganizationId: own, partyMembers: 5 } }, admin)),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await stack.query(COVERAGE, { id: b, coverage: { mode: 'OWN_BRANCH', partyOrganizationId: `${own}-2`, partyMembers: 2 } }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await stack.query(
          COVERAGE,
          { id: c, coverage: { mode: 'INSTRUCTOR', partyOrganizationId: 'partyorg-001', partyMembers: 0 } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(COVERAGE, { id: c, coverage: null }, admin))).toBe('OK');
    const removed = (await stack.query<{ socialOrgOverview: Record<string, number> }>(OVERVIEW)).data!.socialOrgOverview;
    expect(removed.partyBranches).toBe(after.partyBranches);
    const left = await stack.query<{ socialOrganization: { partyCoverage: unknown } }>(
      `query($id: ID!) { socialOrganization(id: $id) { partyCoverage { mode } } }`,
      { id: c },
    );
    expect(left.data?.socialOrganization.partyCoverage).toBeNull();
  });
});
