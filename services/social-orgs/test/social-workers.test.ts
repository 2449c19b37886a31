import { TOPICS } from '@sanshe/schemas/generated/events';
import { startStack, type Stack } from '@sanshe/test-env';
import { codeOf, publishedEvents, registerOrganization, rememberCommunities } from './helpers';

const REGISTER = `mutation($input: RegisterSocialWorkerInput!) { registerSocialWorker(input: $input) { id age collegeOrAbove certificate { level } monthlyAllowanceEligible } }`;
const CERTIFY = `mutation($id: ID!, $input: CertificationInput!) { recordCertification(socialWorkerId: $id, input: $input) { certificate { level certifiedOn } monthlyAllowanceEligible } }`;
const TRAIN = `mutation($id: ID!, $input: TrainingInput!) { recordTraining(socialWorkerId: $id, input: $input) { trainingHours trainings { title provider hours } } }`;
const EVALUATE = `mutation($id: ID!, $input: EvaluationInput!) { recordEvaluation(socialWorkerId: $id, input: $input) { year score grade rank evaluatedCount awardCandidate twoCommitteesCandidate } }`;
const WORKER = `query($id: ID!) { socialWorker(id: $id) { name organization { id } community { id } evaluations { year grade rank } } }`;

describe('social workers', () => {
  let stack: Stack;
  let admin: string;
  let org: string;
  let orgStaff: string;
  // community-008 lies in street-02.
  const community = 'community-008';

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await rememberCommunities(stack);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    org = await registerOrganization(stack, admin, { communityIds: [community] });
    orgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [org] });
  });
  afterAll(() => stack?.stop());

  const register = async (birthDate: string, education = 'BACHELOR', token = orgStaff) => {
    const res = await stack.query<{ registerSocialWorker: { id: string } }>(
      REGISTER,
      { input: { name: '李思远', organizationId: org, communityId: community, birthDate, education } },
      token,
    );
    return { res, id: res.data?.registerSocialWorker.id ?? '' };
  };

  it("is registered by the employer's staff, and counted in the public statistics", async () => {
    const { res } = await register('2001-05-20');
    expect(res.errors).toBeUndefined();
    expect(res.data?.registerSocialWorker).toMatchObject({ collegeOrAbove: true, certificate: null, monthlyAllowanceEligible: false });
    await register('1980-01-01', 'SENIOR_HIGH');
    const stats = await stack.query(
      `query($org: ID) { socialWorkerStats(filter: { organizationId: $org }) { total under35 under35Share collegeShare certifiedShare } }`,
      { org },
    );
    expect(stats.data).toEqual({ socialWorkerStats: { total: 2, under35: 1, under35Share: 0.5, collegeShare: 0.5, certifiedShare: 0 } });
    const otherOrgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: ['org-001'] });
    expect(codeOf((await register('1995-01-01', 'BACHELOR', otherOrgStaff)).res)).toBe('FORBIDDEN');
    expect(codeOf((await register('2030-01-01')).res)).toBe('BAD_USER_INPUT');
  });

  it('records certificates upwards only, making the worker eligible for the monthly allowance, and publishes it', async () => {
    const { id } = await register('1999-03-03');
    const assistant = await stack.query(CERTIFY, { id, input: { level: 'ASSISTANT_SOCIAL_WORKER', certifiedOn: '2024-06-30' } }, orgStaff);
    expect(assistant.data).toEqual({
      recordCertification: { certificate: { level: 'ASSISTANT_SOCIAL_WORKER', certifiedOn: '2024-06-30' }, monthlyAllowanceEligible: true },
    });
    expect(
      codeOf(await stack.query(CERTIFY, { id, input: { level: 'ASSISTANT_SOCIAL_WORKER', certifiedOn: '2025-06-30' } }, orgStaff)),
    ).toBe('CONFLICT');
    expect(codeOf(await stack.query(CERTIFY, { id, input: { level: 'SOCIAL_WORKER', certifiedOn: '2025-06-29' } }, orgStaff))).toBe('OK');
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, id, ['cn.sanshe.social-orgs.socialWorker.certified.v1']);
    expect(events.get('cn.sanshe.social-orgs.socialWorker.certified.v1')).toMatchObject({
      source: 'social-orgs',
      data: { socialWorkerId: id, organizationId: org, communityId: community, monthlyAllowanceEligible: true },
    });
  });

  it("records a worker's departure once, by the employer's staff, keeps the record, and publishes it", async () => {
    const DEPART = `mutation($id: ID!, $leftOn: String!) { recordSocialWorkerDeparture(socialWorkerId: $id, leftOn: $leftOn) { status leftOn monthlyAllowanceEligible } }`;
    const { id } = await register('1990-02-02');
    await stack.query(CERTIFY, { id, input: { level: 'SOCIAL_WORKER', certifiedOn: '2024-06-30' } }, orgStaff);
    const otherOrgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: ['org-001'] });
    expect(codeOf(await stack.query(DEPART, { id, leftOn: '2025-01-01' }, otherOrgStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(DEPART, { id, leftOn: '2099-01-01' }, orgStaff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(DEPART, { id: 'worker-none', leftOn: '2025-01-01' }, orgStaff))).toBe('NOT_FOUND');
    // Five staff sessions record it at once: one wins, the others are told it is already done.
    const leftOn = new Date().toISOString().slice(0, 10);
    const racing = await Promise.all(Array.from({ length: 5 }, () => stack.query(DEPART, { id, leftOn }, orgStaff)));
    const won = racing.filter((r) => !r.errors);
    expect(won.map((r) => r.data)).toEqual([{ recordSocialWorkerDeparture: { status: 'LEFT', leftOn, monthlyAllowanceEligible: false } }]);
    expect(racing.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, id, ['cn.sanshe.social-orgs.socialWorker.left.v1']);
    expect(events.get('cn.sanshe.social-orgs.socialWorker.left.v1')?.data).toEqual({
      socialWorkerId: id,
      organizationId: org,
      communityId: community,
      leftOn,
    });
    const record = await stack.query(`query($id: ID!) { socialWorker(id: $id) { status leftOn certificate { level } } }`, { id }, admin);
    expect(record.data).toEqual({ socialWorker: { status: 'LEFT', leftOn, certificate: { level: 'SOCIAL_WORKER' } } });
  });

  it('adds up the training hours the employer records', async () => {
    const { id } = await register('2000-10-10');
    await stack.query(
      TRAIN,
      { id, input: { title: '社会工作实务', provider: '河南科技大学社会工作培训基地', hours: 16, completedOn: '2026-09-20' } },
      orgStaff,
    );
    const res = await stack.query(
      TRAIN,
      { id, input: { title: '老年社会工作', provider: '洛阳师范学院', hours: 8.5, completedOn: '2026-10-20' } },
      orgStaff,
    );
    expect(res.data).toMatchObject({
      recordTraining: { trainingHours: 24.5, trainings: [{ title: '社会工作实务' }, { title: '老年社会工作', hours: 8.5 }] },
    });
    expect(
      codeOf(await stack.query(TRAIN, { id, input: { title: 'x', provider: 'y', hours: 0, completedOn: '2026-10-20' } }, orgStaff)),
    ).toBe('BAD_USER_INPUT');
  });

  it('evaluates a worker once a year, by the street, ranking and naming candidates for awards and the two committees', async () => {
    const { id: excellent } = await register('1998-08-08');
    await stack.query(CERTIFY, { id: excellent, input: { level: 'SOCIAL_WORKER', certifiedOn: '2023-06-30' } }, orgStaff);
    const { id: good } = await register('1997-07-07');
    const street = await stack.token({ roles: ['STREET_STAFF'], streetIds: ['street-02'] });
    const first = await stack.query(EVALUATE, { id: excellent, input: { year: 2025, score: 93.5 } }, street);
    expect(first.data).toMatchObject({
      recordEvaluation: { year: 2025, score: 93.5, grade: 'EXCELLENT', rank: 1, awardCandidate: true, twoCommitteesCandidate: true },
    });
    const second = await stack.query(EVALUATE, { id: good, input: { year: 2025, score: 85 } }, street);
    expect(second.data).toMatchObject({
      recordEvaluation: { grade: 'GOOD', rank: 2, evaluatedCount: 2, awardCandidate: false, twoCommitteesCandidate: false },
    });

    // Two submissions of the same year at once: the unique (worker, year) lets one through.
    const [a, b] = await Promise.all([
      stack.query(EVALUATE, { id: good, input: { year: 2024, score: 70 } }, street),
      stack.query(EVALUATE, { id: good, input: { year: 2024, score: 75 } }, street),
    ]);
    expect([codeOf(a), codeOf(b)].sort()).toEqual(['CONFLICT', 'OK']);
    expect(codeOf(await stack.query(EVALUATE, { id: excellent, input: { year: 2025, score: 50 } }, street))).toBe('CONFLICT');
    const otherStreet = await stack.token({ roles: ['STREET_STAFF'], streetIds: ['street-05'] });
    expect(codeOf(await stack.query(EVALUATE, { id: excellent, input: { year: 2023, score: 80 } }, otherStreet))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(EVALUATE, { id: excellent, input: { year: 2023, score: 80 } }, orgStaff))).toBe('FORBIDDEN');

    const events = await publishedEvents(TOPICS.SOCIAL_ORGS_V1, excellent, ['cn.sanshe.social-orgs.evaluation.recorded.v1']);
    expect(events.get('cn.sanshe.social-orgs.evaluation.recorded.v1')?.data).toMatchObject({
      year: 2025,
      grade: 'EXCELLENT',
      twoCommitteesCandidate: true,
    });
  });

  it("shows a worker's record to those who serve with them, and to no one else", async () => {
    const { id } = await register('1996-06-06');
    const read = (token?: string) => stack.query(WORKER, { id }, token);
    expect((await read(orgStaff)).data).toMatchObject({ socialWorker: { organization: { id: org }, community: { id: community } } });
    expect(codeOf(await read(await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [community] })))).toBe('OK');
    expect(codeOf(await read(await stack.token({ roles: ['STREET_STAFF'], streetIds: ['street-02'] })))).toBe('OK');
    expect(codeOf(await read(await stack.token({ roles: ['SOCIAL_WORKER'], socialWorkerId: id, orgIds: [org] })))).toBe('OK');
    expect(codeOf(await read(await stack.token({ roles: ['SOCIAL_WORKER'], socialWorkerId: 'someone-else', orgIds: [org] })))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await read(await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] })))).toBe('FORBIDDEN');
    expect(codeOf(await read())).toBe('UNAUTHENTICATED');

    const list = `query($c: ID) { socialWorkers(filter: { communityId: $c }, first: 50) { edges { node { id } } } }`;
    const listed = await stack.query<{ socialWorkers: { edges: { node: { id: string } }[] } }>(
      list,
      { c: community },
      await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [community] }),
    );
    expect(listed.data?.socialWorkers.edges.map((e) => e.node.id)).toContain(id);
    expect(
      codeOf(await stack.query(list, { c: community }, await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }))),
    ).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(`{ socialWorkers { edges { node { id } } } }`, {}, orgStaff))).toBe('FORBIDDEN');
  });
});
