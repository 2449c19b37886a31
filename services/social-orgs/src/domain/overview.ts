import type { CentreLevel, Organization, ServiceCentre } from './organization';

export interface OverviewFacts {
  organizations: Pick<Organization, 'kind' | 'serviceCentreId' | 'partyCoverage'>[];
  centres: Pick<ServiceCentre, 'level'>[];
}

export interface SocialOrgOverview {
  /** There is one overview; the id lets registry add the branch members it owns. */
  id: 'district';
  organizations: number;
  hubs: number;
  organizationsAtCentres: number;
  partyBranches: number;
  /** Registry's party organizations that are the branches; registry counts their members. */
  partyBranchIds: string[];
  instructorCovered: number;
  centres: Record<'district' | 'street' | 'community', number>;
}

/** The district figures: a joint branch shared by several organizations counts once. */
export function socialOrgOverview(facts: OverviewFacts): SocialOrgOverview {
  const branches = new Set<string>();
  let instructorCovered = 0;
  for (const org of facts.organizations) {
    const coverage = org.partyCoverage;
    if (!coverage) continue;
    if (coverage.mode === 'INSTRUCTOR') {
      instructorCovered += 1;
      continue;
    }
    branches.add(coverage.partyOrganizationId);
  }
  const centresAt = (level: CentreLevel) => facts.centres.filter((c) => c.level === level).length;
  return {
    id: 'district',
    organizations: facts.organizations.length,
    hubs: facts.organizations.filter((o) => o.kind === 'HUB').length,
    organizationsAtCentres: facts.organizations.filter((o) => o.serviceCentreId).length,
    partyBranches: branches.size,
    partyBranchIds: [...branches].sort(),
    instructorCovered,
    centres: { district: centresAt('DISTRICT'), street: centresAt('STREET'), community: centresAt('COMMUNITY') },
  };
}
