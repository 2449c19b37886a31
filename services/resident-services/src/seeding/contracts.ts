import { SERVICE_CATEGORIES, SOCIAL_ORGANIZATIONS, type ServiceDomain } from '@sanshe/seed-fixtures';
import type { ServiceContract } from '../domain/model';

/**
 * The purchased-service contracts resident-services assumes social-orgs has signed, for
 * its read model (it cannot import social-orgs; the lead reconciles the two):
 * every social organization holds one contract per service year — 2024-12-01…2025-11-30,
 * 2025-12-01…2026-11-30, 2026-12-01…2027-11-30 — id `contract-<org id>-<year of its end>`,
 * covering every service of the categories its fixture domains map to, in its fixture
 * communities.
 */
export const DOMAIN_CATEGORIES: Record<ServiceDomain, string[]> = {
  CONSULTATION: ['C01', 'C12'],
  MEDIATION: ['C05'],
  ELDERLY_CARE: ['C02', 'C09'],
  CHILD_CARE: ['C03'],
  COMMUNITY_CORRECTION: ['C04'],
  PROPERTY: ['C07'],
  YOUTH: ['C03', 'C08'],
  CULTURE: ['C10', 'C11'],
  LEGAL: ['C04'],
  PSYCHOLOGY: ['C06'],
};

export const SERVICE_YEARS = [
  { startsOn: '2024-12-01', endsOn: '2025-11-30', year: 2025 },
  { startsOn: '2025-12-01', endsOn: '2026-11-30', year: 2026 },
  { startsOn: '2026-12-01', endsOn: '2027-11-30', year: 2027 },
] as const;

export function seededContracts(): ServiceContract[] {
  const itemsOf = new Map(SERVICE_CATEGORIES.map((c) => [c.code, c.items.map((i) => i.code)]));
  return SOCIAL_ORGANIZATIONS.flatMap((org) => {
    const categories = [...new Set(org.domains.flatMap((d) => DOMAIN_CATEGORIES[d]))].sort();
    const itemCodes = categories.flatMap((c) => itemsOf.get(c) ?? []);
    return SERVICE_YEARS.map(({ startsOn, endsOn, year }) => ({
      _id: `contract-${org.id}-${year}`,
      providerOrgId: org.id,
      itemCodes,
      communityIds: [...org.communityIds],
      startsOn,
      endsOn,
      endedOn: null,
    }));
  });
}
