import { pad, SeededRandom } from './random';
import { SEED_YEAR } from './seed-clock';
import { COMMUNITIES, communityByName } from './territory';

export type CareTag = 'ELDERLY_LIVING_ALONE' | 'DISABLED' | 'MIGRANT' | 'LOW_INCOME' | 'VETERAN';
export type ContactChannel = 'APP' | 'WEB' | 'CALL_CENTER' | 'DOOR_TO_DOOR';

export interface ResidentFixture {
  id: string;
  name: string;
  communityId: string;
  streetId: string;
  birthYear: number;
  phone: string;
  address: string;
  careTags: CareTag[];
  preferredChannel: ContactChannel;
  volunteer: boolean;
}

export const RESIDENT_COUNT = 24_000;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强淑珍秀珍凤英红梅海燕文斌晓东建华春梅'.split('');

function residentName(rng: SeededRandom): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** Ages skew old, as in the report: about 28% are 60 or older. */
function birthYear(rng: SeededRandom): number {
  const r = rng.next();
  if (r < 0.16) return SEED_YEAR - rng.int(0, 17);
  if (r < 0.72) return SEED_YEAR - rng.int(18, 59);
  if (r < 0.9) return SEED_YEAR - rng.int(60, 74);
  return SEED_YEAR - rng.int(75, 96);
}

function careTags(rng: SeededRandom, age: number): CareTag[] {
  const tags: CareTag[] = [];
  if (age >= 65 && rng.chance(0.22)) tags.push('ELDERLY_LIVING_ALONE');
  if (rng.chance(0.03)) tags.push('DISABLED');
  if (age >= 18 && age < 60 && rng.chance(0.2)) tags.push('MIGRANT');
  if (rng.chance(0.04)) tags.push('LOW_INCOME');
  if (age >= 40 && rng.chance(0.02)) tags.push('VETERAN');
  return tags;
}

function channel(rng: SeededRandom, age: number, tags: CareTag[]): ContactChannel {
  // Elderly people and people who cannot go out order mostly by phone or at their door.
  if (tags.includes('ELDERLY_LIVING_ALONE') || tags.includes('DISABLED') || age >= 75)
    return rng.chance(0.55) ? 'CALL_CENTER' : 'DOOR_TO_DOOR';
  if (age >= 60) return rng.pick(['CALL_CENTER', 'CALL_CENTER', 'APP', 'DOOR_TO_DOOR'] as const);
  return rng.pick(['APP', 'APP', 'APP', 'WEB'] as const);
}

function build(): ResidentFixture[] {
  const rng = new SeededRandom('sanshe-residents');
  const residents: ResidentFixture[] = [];
  const named: Omit<ResidentFixture, 'id' | 'phone' | 'address' | 'streetId'>[] = [
    // 石阿姨, 65, volunteer who holds a party-member service post in 武汉路社区's activity room.
    {
      name: '石阿姨',
      communityId: communityByName('武汉路社区').id,
      birthYear: SEED_YEAR - 65,
      careTags: [],
      preferredChannel: 'APP',
      volunteer: true,
    },
    // 韩桂芝, at 天九社区's 生态时蔬花园 class.
    {
      name: '韩桂芝',
      communityId: communityByName('天九社区').id,
      birthYear: SEED_YEAR - 68,
      careTags: [],
      preferredChannel: 'CALL_CENTER',
      volunteer: false,
    },
  ];
  for (let i = 0; i < RESIDENT_COUNT; i += 1) {
    const community = i < named.length ? COMMUNITIES.find((c) => c.id === named[i]!.communityId)! : COMMUNITIES[i % COMMUNITIES.length]!;
    const year = birthYear(rng);
    const age = SEED_YEAR - year;
    const tags = careTags(rng, age);
    const generated = {
      name: residentName(rng),
      communityId: community.id,
      birthYear: year,
      careTags: tags,
      preferredChannel: channel(rng, age, tags),
      volunteer: age >= 16 && age <= 75 && rng.chance(0.12),
    };
    const base = i < named.length ? named[i]! : generated;
    residents.push({
      id: `resident-${pad(i + 1, 6)}`,
      ...base,
      streetId: community.streetId,
      phone: `13${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`,
      address: `${community.name}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`,
    });
  }
  return residents;
}

let cache: ResidentFixture[] | null = null;

/** 24,000 residents, the same on every call and every machine. */
export function residents(): ResidentFixture[] {
  cache ??= build();
  return cache;
}

export function residentsOf(communityId: string): ResidentFixture[] {
  return residents().filter((r) => r.communityId === communityId);
}
