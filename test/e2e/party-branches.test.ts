/**
 * 党支部6家，党员101人 through the gateway: social-orgs says which registry party organizations
 * are the branches inside social organizations, registry (which holds the members) counts them.
 */
import { SOCIAL_ORG_PARTY_BRANCHES, SOCIAL_ORGANIZATIONS } from '@sanshe/seed-fixtures';
import { seed as seedRegistry } from '@sanshe/registry/seed';
import { seed as seedSocialOrgs } from '@sanshe/social-orgs/seed';
import { startStack, type Stack } from '@sanshe/test-env';

describe('the party branches inside social organizations', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(['registry', 'social-orgs']);
    const dbOf = (name: 'registry' | 'social-orgs') => ({ env: { ...stack.env, MONGO_DB: stack.services[name]!.connection.name } });
    await seedRegistry(dbOf('registry'));
    await seedSocialOrgs(dbOf('social-orgs'));
  }, 240_000);
  afterAll(() => stack?.stop());

  it("counts the six branches' 101 members from registry's own member records", async () => {
    type Overview = {
      socialOrgOverview: {
        partyBranches: number;
        partyMembersInBranches: number;
        partyBranchOrganizations: { name: string; memberCount: number; sector: string }[];
      };
    };
    const res = await stack.query<Overview>(
      `{ socialOrgOverview { partyBranches partyMembersInBranches partyBranchOrganizations { name memberCount sector } } }`,
    );
    expect(res.errors).toBeUndefined();
    const overview = res.data!.socialOrgOverview;
    expect(overview.partyBranches).toBe(6);
    expect(overview.partyMembersInBranches).toBe(101);
    expect(overview.partyBranchOrganizations.reduce((n, b) => n + b.memberCount, 0)).toBe(101);
    expect(overview.partyBranchOrganizations.every((b) => b.sector === 'SOCIAL_ORGANIZATION')).toBe(true);
  });

  it("names 欣和社工's own branch after 欣和社工, and a joint branch after the organizations sharing it", async () => {
    const xinhe = SOCIAL_ORGANIZATIONS.find((o) => o.name === '欣和社工')!;
    const res = await stack.query<{
      socialOrganization: {
        partyCoverage: { mode: string; partyOrganization: { name: string; unitName: string; branchOf: { name: string }[] } };
      };
    }>(`query($id: ID!) { socialOrganization(id: $id) { partyCoverage { mode partyOrganization { name unitName branchOf { name } } } } }`, {
      id: xinhe.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.socialOrganization.partyCoverage).toEqual({
      mode: 'OWN_BRANCH',
      partyOrganization: { name: '欣和社工党支部', unitName: '欣和社工', branchOf: [{ name: '欣和社工' }] },
    });

    const joint = SOCIAL_ORG_PARTY_BRANCHES.find((b) => b.mode === 'JOINT_BRANCH')!;
    const branch = await stack.query<{ partyOrganization: { name: string; branchOf: { name: string }[] } }>(
      `query($id: ID!) { partyOrganization(id: $id) { name branchOf { name } } }`,
      { id: joint.partyOrganizationId },
    );
    expect(branch.data!.partyOrganization.name).toBe(joint.name);
    expect(branch.data!.partyOrganization.name).toContain(joint.organizations[0]!.name);
    expect(branch.data!.partyOrganization.branchOf.map((o) => o.name).sort()).toEqual(joint.organizations.map((o) => o.name).sort());
  });
});
