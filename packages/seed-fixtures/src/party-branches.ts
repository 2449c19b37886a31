import { SOCIAL_ORGANIZATIONS } from './social-orgs';
import { PARTY_ORGANIZATIONS } from './territory';

/**
 * 党支部6家，党员101人: the party branches inside social organizations. Registry owns the
 * branches and their members (it seeds exactly these counts); social-orgs records which
 * organization each branch covers and reads the members from registry by reference.
 */
export interface SocialOrgPartyBranchFixture {
  /** The co-building party organization in registry that is this branch. */
  partyOrganizationId: string;
  /** Named after the organization(s) it sits in. */
  name: string;
  mode: 'OWN_BRANCH' | 'JOINT_BRANCH';
  /** The organizations covered, with the party members among each one's staff. */
  organizations: { organizationId: string; name: string; partyMembers: number }[];
  since: string;
}

export const SOCIAL_ORG_PARTY_BRANCH_COUNT = 6;
export const SOCIAL_ORG_PARTY_MEMBERS = 101;

/** Four organizations of the report have their own branch; six small ones share two joint branches. */
const OWN: [string, number][] = [
  ['欣和社工', 19],
  ['阳光社工', 17],
  ['长乐社工', 15],
  ['洛阳市心理咨询师协会', 22],
];
const JOINT: [number, number][][] = [
  [
    [16, 6],
    [17, 5],
    [18, 4],
  ],
  [
    [19, 5],
    [20, 4],
    [21, 4],
  ],
];

function build(): SocialOrgPartyBranchFixture[] {
  const candidates = PARTY_ORGANIZATIONS.filter((p) => p.sector === 'SOCIAL_ORGANIZATION');
  const used = new Set<string>();
  // A branch is registered with the regional party committee of a community the organization serves, where there is one.
  const partyOrganizationFor = (communityIds: string[]) => {
    const chosen =
      candidates.find((p) => !used.has(p.id) && communityIds.includes(p.communityId)) ?? candidates.find((p) => !used.has(p.id))!;
    used.add(chosen.id);
    return chosen.id;
  };
  const own = OWN.map(([name, partyMembers]): SocialOrgPartyBranchFixture => {
    const org = SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!;
    return {
      partyOrganizationId: partyOrganizationFor(org.communityIds),
      name: `${name}党支部`,
      mode: 'OWN_BRANCH',
      organizations: [{ organizationId: org.id, name, partyMembers }],
      since: '2019-07-01',
    };
  });
  const joint = JOINT.map((members): SocialOrgPartyBranchFixture => {
    const orgs = members.map(([index, partyMembers]) => ({ org: SOCIAL_ORGANIZATIONS[index]!, partyMembers }));
    return {
      partyOrganizationId: partyOrganizationFor(orgs[0]!.org.communityIds),
      name: `${orgs[0]!.org.name}等${orgs.length}家社会组织联合党支部`,
      mode: 'JOINT_BRANCH',
      organizations: orgs.map(({ org, partyMembers }) => ({ organizationId: org.id, name: org.name, partyMembers })),
      since: '2021-07-01',
    };
  });
  return [...own, ...joint];
}

export const SOCIAL_ORG_PARTY_BRANCHES: SocialOrgPartyBranchFixture[] = build();

export const partyBranchById = (partyOrganizationId: string) =>
  SOCIAL_ORG_PARTY_BRANCHES.find((b) => b.partyOrganizationId === partyOrganizationId) ?? null;
