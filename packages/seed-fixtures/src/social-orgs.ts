import { pad, SeededRandom } from './random';
import { COMMUNITIES, communityByName, STREETS } from './territory';

export type OrganizationKind = 'HUB' | 'SOCIAL_WORK_AGENCY' | 'ASSOCIATION' | 'VOLUNTEER_TEAM' | 'FOUNDATION' | 'PRIVATE_NON_ENTERPRISE';
export type ServiceDomain =
  | 'CONSULTATION'
  | 'MEDIATION'
  | 'ELDERLY_CARE'
  | 'CHILD_CARE'
  | 'COMMUNITY_CORRECTION'
  | 'PROPERTY'
  | 'YOUTH'
  | 'CULTURE'
  | 'LEGAL'
  | 'PSYCHOLOGY';

export interface SocialOrganizationFixture {
  id: string;
  name: string;
  kind: OrganizationKind;
  /**
   * The first 17 characters of the unified social credit code (统一社会信用代码);
   * social-orgs appends the check digit with its own validator's algorithm.
   */
  creditCodeBody: string;
  domains: ServiceDomain[];
  communityIds: string[];
}

export const SOCIAL_ORGANIZATION_COUNT = 229;
export const HUB_COUNT = 12;

const DOMAINS: ServiceDomain[] = [
  'CONSULTATION',
  'MEDIATION',
  'ELDERLY_CARE',
  'CHILD_CARE',
  'COMMUNITY_CORRECTION',
  'PROPERTY',
  'YOUTH',
  'CULTURE',
  'LEGAL',
  'PSYCHOLOGY',
];
const KINDS: OrganizationKind[] = ['SOCIAL_WORK_AGENCY', 'ASSOCIATION', 'VOLUNTEER_TEAM', 'FOUNDATION', 'PRIVATE_NON_ENTERPRISE'];
const NAME_PARTS = [
  '和谐',
  '温馨',
  '康乐',
  '同心',
  '睦邻',
  '乐龄',
  '启航',
  '善行',
  '涧水',
  '牡丹',
  '润心',
  '晨曦',
  '益家',
  '仁爱',
  '青禾',
  '暖阳',
];
const SUFFIX: Record<OrganizationKind, string> = {
  HUB: '社会组织服务中心',
  SOCIAL_WORK_AGENCY: '社会工作服务中心',
  ASSOCIATION: '协会',
  VOLUNTEER_TEAM: '志愿服务队',
  FOUNDATION: '公益基金会',
  PRIVATE_NON_ENTERPRISE: '服务社',
};
/** Registration-authority code 5 (civil affairs), type 2 (social service organization), Luoyang Jianxi area code 410305. */
const CODE_PREFIX = '52410305';
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Two different name parts ("同心睦邻", never "同心同心"); a repeat takes the next part, so the draws stay the same. */
function twoParts(rng: SeededRandom): string {
  const first = Math.floor(rng.next() * NAME_PARTS.length);
  let second = Math.floor(rng.next() * NAME_PARTS.length);
  if (second === first) second = (second + 1) % NAME_PARTS.length;
  return NAME_PARTS[first]! + NAME_PARTS[second]!;
}

function build(): SocialOrganizationFixture[] {
  const rng = new SeededRandom('sanshe-social-orgs');
  const wuhanRoad = communityByName('武汉路社区').id;
  const named: { name: string; kind: OrganizationKind; domains: ServiceDomain[] }[] = [
    { name: '欣和社工', kind: 'SOCIAL_WORK_AGENCY', domains: ['ELDERLY_CARE', 'MEDIATION', 'CONSULTATION'] },
    { name: '阳光社工', kind: 'SOCIAL_WORK_AGENCY', domains: ['CHILD_CARE', 'YOUTH', 'COMMUNITY_CORRECTION'] },
    { name: '长乐社工', kind: 'SOCIAL_WORK_AGENCY', domains: ['ELDERLY_CARE', 'CULTURE'] },
    { name: '洛阳市心理咨询师协会', kind: 'ASSOCIATION', domains: ['PSYCHOLOGY', 'CONSULTATION'] },
  ];
  const orgs: SocialOrganizationFixture[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < SOCIAL_ORGANIZATION_COUNT; i += 1) {
    const kind: OrganizationKind = i < named.length ? named[i]!.kind : i < named.length + HUB_COUNT ? 'HUB' : rng.pick(KINDS);
    let name = named[i]?.name ?? '';
    while (!name || usedNames.has(name)) name = `涧西区${twoParts(rng)}${SUFFIX[kind]}`;
    usedNames.add(name);
    const domains = named[i]?.domains ?? [...new Set([rng.pick(DOMAINS), rng.pick(DOMAINS)])];
    // 6 organizations serve 武汉路社区: 欣和社工 and five others.
    const servesWuhanRoad = i === 0 || (i >= 20 && i < 25);
    const communityIds = new Set<string>();
    if (kind === 'HUB') COMMUNITIES.filter((_, c) => c % HUB_COUNT === i % HUB_COUNT).forEach((c) => communityIds.add(c.id));
    else for (let k = rng.int(1, 3); k > 0; k -= 1) communityIds.add(rng.pick(COMMUNITIES).id);
    if (servesWuhanRoad) communityIds.add(wuhanRoad);
    else communityIds.delete(wuhanRoad);
    let body = CODE_PREFIX;
    while (body.length < 17) body += CODE_ALPHABET[rng.int(0, CODE_ALPHABET.length - 1)];
    orgs.push({ id: `org-${pad(i + 1, 3)}`, name, kind, creditCodeBody: body, domains, communityIds: [...communityIds].sort() });
  }
  return orgs;
}

export const SOCIAL_ORGANIZATIONS: SocialOrganizationFixture[] = build();

/**
 * The ids of the three levels of social-organization service centres (one for the district, one
 * per street, one per community). social-orgs seeds the centres; registry's investment that built
 * them (the report's 300余万) refers to the same ids.
 */
export const serviceCentreIds = {
  district: 'centre-district',
  street: (streetId: string): string => `centre-${streetId}`,
  community: (communityId: string): string => `centre-${communityId}`,
  all: (): string[] => [
    serviceCentreIds.district,
    ...STREETS.map((s) => serviceCentreIds.street(s.id)),
    ...COMMUNITIES.map((c) => serviceCentreIds.community(c.id)),
  ],
};
