import { SERVICE_CATEGORIES } from './catalogue';
import { pad, SeededRandom } from './random';
import { SEED_YEAR } from './seed-clock';
import { SOCIAL_ORGANIZATIONS, type ServiceDomain, type SocialOrganizationFixture } from './social-orgs';
import { COMMUNITIES, STREETS } from './territory';

/**
 * Government-purchased service contracts (政府购买服务) of the two calendar years the activity
 * history spans: each year every one of the 120 service items is bought for every one of the
 * 71 communities, each (item, community) exactly once — 36 contracts a year, one per category
 * and street group, ids `contract-<year>-<nn>`. resident-services dispatches orders under them.
 */
export interface ServiceContractFixture {
  id: string;
  buyer: string;
  providerOrgId: string;
  itemCodes: string[];
  communityIds: string[];
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  endsOn: string;
  budgetYuan: number;
  kpiTargets: { minOrdersCompleted: number | null; minOnTimeRate: number; minAverageSatisfaction: number };
}

export const CONTRACT_BUYER = '涧西区民政局';
/** Last year's contracts and this year's, counted from the seed day. */
export const CONTRACT_YEARS = [SEED_YEAR - 1, SEED_YEAR] as const;

/** Streets 1–4, 5–8 and 9–11; 武汉路社区 is in the second group. */
const STREET_GROUPS = [STREETS.slice(0, 4), STREETS.slice(4, 8), STREETS.slice(8)].map((g) => new Set(g.map((s) => s.id)));

const DOMAIN_OF_CATEGORY: Record<string, ServiceDomain | 'VOLUNTEER_TEAM' | 'HUB'> = {
  POLICY_INFO: 'CONSULTATION',
  ELDERLY_CARE: 'ELDERLY_CARE',
  CHILD_FAMILY: 'CHILD_CARE',
  LEGAL_AID: 'LEGAL',
  MEDIATION: 'MEDIATION',
  PSYCHOLOGY: 'PSYCHOLOGY',
  HOUSING_REPAIR: 'PROPERTY',
  EMPLOYMENT: 'YOUTH',
  HEALTH: 'ELDERLY_CARE',
  CULTURE: 'CULTURE',
  VOLUNTEERING: 'VOLUNTEER_TEAM',
  COMMUNITY_AFFAIRS: 'HUB',
};

/** The report's organizations take the contracts of their field. */
const NAMED_PROVIDERS: Record<string, { name: string; groups: number[] }> = {
  ELDERLY_CARE: { name: '欣和社工', groups: [1] },
  CHILD_FAMILY: { name: '阳光社工', groups: [1] },
  CULTURE: { name: '长乐社工', groups: [1] },
  PSYCHOLOGY: { name: '洛阳市心理咨询师协会', groups: [0, 1, 2] },
};

function build(year: number): ServiceContractFixture[] {
  const rng = new SeededRandom(`sanshe-service-contracts-${year}`);
  const contracts: ServiceContractFixture[] = [];
  for (const category of SERVICE_CATEGORIES) {
    const want = DOMAIN_OF_CATEGORY[category.key]!;
    const candidates = SOCIAL_ORGANIZATIONS.filter((o: SocialOrganizationFixture) =>
      want === 'VOLUNTEER_TEAM' || want === 'HUB' ? o.kind === want : o.domains.includes(want),
    );
    STREET_GROUPS.forEach((streets, group) => {
      const named = NAMED_PROVIDERS[category.key];
      const provider = named?.groups.includes(group) ? SOCIAL_ORGANIZATIONS.find((o) => o.name === named.name)! : rng.pick(candidates);
      const communityIds = COMMUNITIES.filter((c) => streets.has(c.streetId)).map((c) => c.id);
      const itemCodes = category.items.map((i) => i.code);
      contracts.push({
        id: `contract-${year}-${pad(contracts.length + 1, 2)}`,
        buyer: CONTRACT_BUYER,
        providerOrgId: provider.id,
        itemCodes,
        communityIds,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        budgetYuan: itemCodes.length * communityIds.length * 1_200,
        kpiTargets: { minOrdersCompleted: null, minOnTimeRate: 0.9, minAverageSatisfaction: 4 },
      });
    });
  }
  return contracts;
}

export const SERVICE_CONTRACTS: ServiceContractFixture[] = CONTRACT_YEARS.flatMap(build);
