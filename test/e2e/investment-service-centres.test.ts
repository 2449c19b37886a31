/**
 * 投入300余万元,建设了区、街道和社区三级社会组织服务中心: registry records the investment, social-orgs
 * owns the centres it built, and the graph joins the two — an investment's service centres are
 * social-orgs' entities, resolved there in one batch.
 */
import { createModels as socialOrgsModels } from '@sanshe/social-orgs/data-access/models';
import { startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const RECORD = `mutation($input: RecordInvestmentInput!) {
  recordInvestment(input: $input) { id fundedKind serviceCentres { id name level community { id } } }
}`;

describe("an investment in social-organization service centres, resolved in social-orgs' graph", () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const { ServiceCentre } = socialOrgsModels(stack.services['social-orgs']!.connection);
    const r = stack.runId;
    await ServiceCentre.create([
      {
        _id: `${r}-centre-district`,
        name: '涧西区社会组织服务中心',
        level: 'DISTRICT',
        streetId: null,
        communityId: null,
        operatorOrgId: null,
      },
      {
        _id: `${r}-centre-street`,
        name: '天津路街道社会组织服务中心',
        level: 'STREET',
        streetId: `${r}-street`,
        communityId: null,
        operatorOrgId: null,
      },
    ]);
  });
  afterAll(() => stack?.stop());

  it('lists the centres the money built, with what social-orgs knows of them', async () => {
    const r = stack.runId;
    const res: GraphQLResponse<{ recordInvestment: { fundedKind: string; serviceCentres: unknown[] } }> = await stack.query(
      RECORD,
      {
        input: {
          purpose: '三级社会组织服务中心',
          fundedKind: 'SOCIAL_ORG_SERVICE_CENTRES',
          serviceCentreIds: [`${r}-centre-district`, ` ${r}-centre-street `, `${r}-centre-district`],
          built: ['区级社会组织服务中心', '街道社会组织服务中心'],
          amountAtLeastYuan: 3_000_000,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    // Trimmed and each once, in the order given.
    expect(res.data!.recordInvestment.serviceCentres).toEqual([
      { id: `${r}-centre-district`, name: '涧西区社会组织服务中心', level: 'DISTRICT', community: null },
      { id: `${r}-centre-street`, name: '天津路街道社会组织服务中心', level: 'STREET', community: null },
    ]);
  });
});
