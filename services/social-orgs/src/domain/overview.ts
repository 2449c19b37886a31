import type { CentreLevel, Organization, ServiceCentre } from './organization';

export interface OverviewFacts {
  organizations: Pick<Organization, 'kind' | 'serviceCentreId' | 'partyCoverage'>[];
  centres: Pick<ServiceCentre, 'level'>[];
}

export interface SocialOrgOverview {
  organizations: number;
  hubs: number;
  organizationsAtCentres: number;
  partyBranches: number;
  partyMembersInBranches: number;
  instructorCovered: number;
  centres: Record<'district' | 'street' | 'community', number>;
}

/** The district figures: a joint branch shared by several organizations counts once; its members are counted per organization. */
export function socialOrgOverview(facts: OverviewFacts): SocialOrgOverview {
  const branches = new Set<string>();
  let members = 0;
  let instructorCovered = 0;
  for (const org of facts.organizations) {
    const coverage = org.partyCoverage;
    if (!coverage) continue;
    if (coverage.mode === 'INSTRUCTOR') {
      instructorCovered += 1;
      continue;
    }
    branches.add(coverage.partyOrganizationId);
    members += coverage.partyMembers;
  }
  const centresAt = (level: CentreLevel) => facts.centres.filter((c) => c.level === level).length;
  return {
    organizations: facts.organizations.length,
    hubs: facts.organizations.filter((o) => o.kind === 'HUB').length,
    organizationsAtCentres: facts.organizations.filter((o) => o.serviceCentreId).length,
    partyBranches: branches.size,
    partyMembersInBranches: members,
    instructorCovered,
    centres: { district: centresAt('DISTRICT'), street: centresAt('STREET'), community: centresAt('COMMUNITY') },
  };
}
