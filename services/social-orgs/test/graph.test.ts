import { communityByName } from '@sanshe/seed-fixtures';
import { seed } from '@sanshe/social-orgs/seed';
import { startStack, type Stack } from '@sanshe/test-env';
import { codeOf } from './helpers';

/** registry owns Community; social-orgs adds who serves it. The gateway joins the two. */
describe('communities in the graph, with registry', () => {
  let stack: Stack;
  const wuhanRoad = communityByName('武汉路社区');

  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs']);
    await seed({ env: { ...stack.env, MONGO_DB: stack.services['social-orgs']!.connection.name } });
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const street = await stack.query(
      `mutation { createStreet(input: { id: "${wuhanRoad.streetId}", name: "武汉路街道" }) { id } }`,
      {},
      admin,
    );
    expect(street.errors).toBeUndefined();
    const community = await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: wuhanRoad.id, name: wuhanRoad.name, streetId: wuhanRoad.streetId, urban: true } },
      admin,
    );
    expect(community.errors).toBeUndefined();
  });
  afterAll(() => stack?.stop());

  const COMMUNITY = `query($id: ID!) { community(id: $id) {
    name
    socialOrganizations { name }
    socialOrgServiceCentre { name level }
    socialWorkers { certificate { level } }
  } }`;

  it("shows 武汉路社区's six organizations, its service station and, to its staff, its three certified social workers", async () => {
    const staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [wuhanRoad.id], streetIds: [wuhanRoad.streetId] });
    const res = await stack.query<{
      community: {
        name: string;
        socialOrganizations: { name: string }[];
        socialOrgServiceCentre: unknown;
        socialWorkers: { certificate: unknown }[];
      };
    }>(COMMUNITY, { id: wuhanRoad.id }, staff);
    expect(res.errors).toBeUndefined();
    const community = res.data!.community;
    expect(community.name).toBe('武汉路社区');
    expect(community.socialOrganizations).toHaveLength(6);
    expect(community.socialOrganizations.map((o) => o.name)).toContain('欣和社工');
    expect(community.socialOrgServiceCentre).toEqual({ name: '武汉路社区社会组织服务站', level: 'COMMUNITY' });
    expect(community.socialWorkers).toHaveLength(3);
    for (const w of community.socialWorkers) expect(w.certificate).not.toBeNull();
  });

  it('shows the public part to anonymous callers and withholds the social workers', async () => {
    const res = await stack.query<{ community: { socialOrganizations: unknown[]; socialWorkers: unknown } }>(COMMUNITY, {
      id: wuhanRoad.id,
    });
    expect(res.data?.community.socialOrganizations).toHaveLength(6);
    expect(res.data?.community.socialWorkers).toBeNull();
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});
