import { pad } from './random';

/** The demo district: Jianxi (涧西区), Luoyang — the figures of the source report. */
export const DISTRICT = { id: 'district-jianxi', name: '涧西区', population: 800_000 } as const;

export interface StreetFixture {
  id: string;
  name: string;
}

export interface CommunityFixture {
  id: string;
  name: string;
  streetId: string;
  urban: boolean;
  /** Urban communities' service halls meet the "三个统一" standard (door plate, window, signage). */
  standardisedHall: boolean;
  brand: { name: string; description: string } | null;
}

const STREET_NAMES = [
  '湖北路街道',
  '天津路街道',
  '长春路街道',
  '南昌路街道',
  '重庆路街道',
  '郑州路街道',
  '武汉路街道',
  '长安路街道',
  '周山路街道',
  '徽州路街道',
  '工农街道',
];

export const STREETS: StreetFixture[] = STREET_NAMES.map((name, i) => ({ id: `street-${pad(i + 1, 2)}`, name }));

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];

/** Communities the report names, with the street they are placed in. */
const NAMED: Record<string, { street: number; urban: boolean; brand?: { name: string; description: string }; twin?: string }> = {
  武汉路社区: {
    street: 6,
    urban: true,
    brand: { name: '三家七社十色服务', description: '“1+1+N” community service model around the party-mass service centre.' },
  },
  天九社区: { street: 1, urban: true },
  // 重二社区 is the short name of 重庆路二社区: it takes that slot, so the district has one, not both.
  重二社区: {
    street: 4,
    urban: true,
    twin: '重庆路二社区',
    brand: { name: '党旗下的邻里情', description: 'Neighbourliness under the party flag.' },
  },
  长安路三社区: { street: 7, urban: true, brand: { name: '红色套餐', description: 'A “red package” of party-led services.' } },
  南口社区: {
    street: 3,
    urban: true,
    brand: { name: '十五分钟生活服务圈', description: 'Every daily service within fifteen minutes on foot.' },
  },
  南村社区: { street: 8, urban: false, brand: { name: '党群联络点', description: 'Party–masses liaison points in every lane.' } },
};

/** 71 communities: 7 in each of the first five streets, 6 in the others. 54 urban, 17 rural. */
function buildCommunities(): CommunityFixture[] {
  const perStreet = STREETS.map((_, i) => (i < 5 ? 7 : 6));
  const named = Object.entries(NAMED);
  const slots: { street: number; index: number }[] = [];
  perStreet.forEach((count, street) => {
    for (let index = 0; index < count; index += 1) slots.push({ street, index });
  });
  const taken = new Set<number>();
  const namesBySlot = new Map<number, string>();
  for (const [name, info] of named) {
    // A name like 长安路三社区 takes the slot its generated twin would have had.
    const root = STREETS[info.street]!.name.replace('街道', '');
    const twin = slots.findIndex((s) => s.street === info.street && `${root}${NUMERALS[s.index]}社区` === (info.twin ?? name));
    const slot = twin >= 0 ? twin : slots.findIndex((s, i) => s.street === info.street && !taken.has(i));
    taken.add(slot);
    namesBySlot.set(slot, name);
  }
  // Rural communities sit in the outer streets: 周山路, 徽州路, 工农 and the last of 长安路.
  let ruralLeft = 17 - named.filter(([, i]) => !i.urban).length;
  const result: CommunityFixture[] = [];
  for (let i = slots.length - 1; i >= 0; i -= 1) {
    const slot = slots[i]!;
    const name = namesBySlot.get(i);
    const namedInfo = name ? NAMED[name] : undefined;
    let urban = namedInfo ? namedInfo.urban : true;
    if (!namedInfo && ruralLeft > 0) {
      urban = false;
      ruralLeft -= 1;
    }
    const streetRoot = STREETS[slot.street]!.name.replace('街道', '');
    result.unshift({
      id: `community-${pad(i + 1, 3)}`,
      name: name ?? (urban ? `${streetRoot}${NUMERALS[slot.index]}社区` : `${streetRoot}${NUMERALS[slot.index]}村社区`),
      streetId: STREETS[slot.street]!.id,
      urban,
      standardisedHall: urban,
      brand: namedInfo?.brand ?? null,
    });
  }
  return result;
}

export const COMMUNITIES: CommunityFixture[] = buildCommunities();

export function communityByName(name: string): CommunityFixture {
  const found = COMMUNITIES.find((c) => c.name === name);
  if (!found) throw new Error(`no seeded community named ${name}`);
  return found;
}

/** 338 party organizations in regional co-building (共驻共建), spread over all communities. */
export const CO_BUILDING_PARTY_ORGANIZATION_COUNT = 338;

export interface PartyOrganizationFixture {
  id: string;
  communityId: string;
  streetId: string;
  sector: 'COMMUNITY' | 'ENTERPRISE' | 'INSTITUTION' | 'SCHOOL' | 'SOCIAL_ORGANIZATION' | 'NON_PUBLIC_ECONOMY';
}

const SECTORS: PartyOrganizationFixture['sector'][] = [
  'COMMUNITY',
  'ENTERPRISE',
  'INSTITUTION',
  'SCHOOL',
  'SOCIAL_ORGANIZATION',
  'NON_PUBLIC_ECONOMY',
];

export const PARTY_ORGANIZATIONS: PartyOrganizationFixture[] = Array.from({ length: CO_BUILDING_PARTY_ORGANIZATION_COUNT }, (_, i) => {
  const community = COMMUNITIES[i % COMMUNITIES.length]!;
  // The first 71 are the communities' own party organizations; the rest are member units.
  return {
    id: `partyorg-${pad(i + 1, 3)}`,
    communityId: community.id,
    streetId: community.streetId,
    sector: i < COMMUNITIES.length ? 'COMMUNITY' : SECTORS[1 + (i % (SECTORS.length - 1))]!,
  };
});
