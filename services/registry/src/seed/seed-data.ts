/**
 * The registry's seed documents, built from @sanshe/seed-fixtures so ids agree with
 * every other subgraph. Pure and deterministic: the same documents on every run.
 */
import {
  activityHistory,
  COMMUNITIES,
  communityByName,
  pad,
  PARTY_ORGANIZATIONS,
  partyBranchById,
  residents,
  SEED_YEAR,
  SEEDED_AT,
  seedDayPlus,
  SeededRandom,
  STREETS,
  type CommunityFixture,
  type PartyOrganizationFixture,
  type ResidentFixture,
} from '@sanshe/seed-fixtures';
import type { ProjectNeed, ResourceCategory, ResourceOffer } from '../domain/co-building';
import type { DistrictLinkageMeeting } from '../domain/district-linkage';
import type { PartyMember } from '../domain/party-members';
import type { PartyOrganization } from '../domain/party-organizations';
import type { Resident } from '../domain/residents';
import { WEEKDAYS, type ServicePost } from '../domain/service-posts';
import { committeeIdOf, communityCommitteeName, streetCommitteeName, type Community, type Street } from '../domain/territory';

export interface SeedData {
  streets: Street[];
  communities: Community[];
  partyOrganizations: PartyOrganization[];
  partyMembers: PartyMember[];
  servicePosts: ServicePost[];
  residents: Resident[];
  resourceOffers: ResourceOffer[];
  projectNeeds: ProjectNeed[];
  districtLinkageMeetings: DistrictLinkageMeeting[];
}

/** The moment the seed describes; seeded records carry it as their creation time. */
export { SEEDED_AT };

const WUHAN_ROAD = () => communityByName('武汉路社区');
/** 石阿姨 (resident-000001) holds the party-member service post in 武汉路社区's activity room. */
export const SHI_AYI_RESIDENT_ID = 'resident-000001';

const UNIT_STEMS: Record<Exclude<PartyOrganizationFixture['sector'], 'COMMUNITY'>, string[]> = {
  ENTERPRISE: ['机械制造有限公司', '轴承配件有限公司', '物业服务有限公司', '建筑安装有限公司'],
  INSTITUTION: ['卫生服务中心', '派出所', '市场监管所', '供电所'],
  SCHOOL: ['小学', '中学', '幼儿园', '职业学校'],
  SOCIAL_ORGANIZATION: ['社会工作服务站', '志愿者协会', '老年协会', '文体协会'],
  NON_PUBLIC_ECONOMY: ['商户联合会', '个体劳动者协会', '便民超市', '餐饮服务部'],
};

const randomDay = (rng: SeededRandom, fromYear: number, toYear: number) =>
  `${rng.int(fromYear, toYear)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;

function streetsOf(): Street[] {
  return STREETS.map((s) => ({
    _id: s.id,
    name: s.name,
    regionalCommittee: { _id: committeeIdOf(s.id), name: streetCommitteeName(s.name) },
  }));
}

function communityOf(c: CommunityFixture, residentCount: number, publishedActivities: number): Community {
  const hallName = c.urban ? `${c.name}党群服务中心` : `${c.name}便民服务站`;
  return {
    _id: c.id,
    name: c.name,
    streetId: c.streetId,
    urban: c.urban,
    serviceHall: {
      name: hallName,
      address: c.name === '武汉路社区' ? `${hallName}（党员之家、阅友之家、创享社）` : hallName,
      unifiedDoorPlate: true,
      unifiedServiceWindow: c.standardisedHall,
      unifiedSignage: c.standardisedHall,
    },
    brand: c.brand ? { name: c.brand.name, description: c.brand.description } : null,
    regionalCommittee: { _id: committeeIdOf(c.id), name: communityCommitteeName(c.name) },
    stats: { residents: residentCount, publishedActivities },
  };
}

function organizationOf(fixture: PartyOrganizationFixture, index: number, rng: SeededRandom): PartyOrganization {
  const community = COMMUNITIES.find((c) => c.id === fixture.communityId)!;
  if (fixture.sector === 'COMMUNITY') {
    const kind = community.urban ? 'COMMITTEE' : 'GENERAL_BRANCH';
    return {
      _id: fixture.id,
      name: `${community.name}${kind === 'COMMITTEE' ? '党委' : '党总支'}`,
      kind,
      sector: 'COMMUNITY',
      unitName: null,
      parentId: null,
      streetId: fixture.streetId,
      communityId: fixture.communityId,
      coBuilding: { committeeId: committeeIdOf(community.id), joinedOn: randomDay(rng, 2015, 2018) },
      memberCount: 0,
    };
  }
  // A community holds at most one unit of each sector, so community name + stem is unique.
  const drawnUnit = `${community.name}${rng.pick(UNIT_STEMS[fixture.sector])}`;
  // The six branches inside social organizations are named after the organizations they sit in.
  const branch = partyBranchById(fixture.id);
  const unitName = branch ? branch.organizations.map((o) => o.name).join('、') : drawnUnit;
  const kind = branch ? 'BRANCH' : index % 6 === 0 ? 'GENERAL_BRANCH' : 'BRANCH';
  // Public institutions sit on the street's working committee; other units on their community's.
  const committeeId = committeeIdOf(fixture.sector === 'INSTITUTION' ? fixture.streetId : fixture.communityId);
  return {
    _id: fixture.id,
    name: branch ? branch.name : `${unitName}${kind === 'GENERAL_BRANCH' ? '党总支' : '党支部'}`,
    kind,
    sector: fixture.sector,
    unitName,
    parentId: null,
    streetId: fixture.streetId,
    communityId: fixture.communityId,
    coBuilding: { committeeId, joinedOn: randomDay(rng, 2018, SEED_YEAR - 1) },
    memberCount: 0,
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '建国志强国庆卫东红梅秀英海燕丽华俊杰文静'.split('');

/** Members: residents of the community for its own organization (石阿姨 first in 武汉路社区's), invented staff for units. */
function membersOf(orgs: PartyOrganization[], byCommunity: Map<string, ResidentFixture[]>, rng: SeededRandom): PartyMember[] {
  const members: PartyMember[] = [];
  const wuhan = WUHAN_ROAD().id;
  for (const org of orgs) {
    const start = members.length;
    if (org.sector === 'COMMUNITY') {
      const adults = (byCommunity.get(org.communityId!) ?? []).filter((r) => SEED_YEAR - r.birthYear >= 25);
      const chosen = new Set<ResidentFixture>();
      if (org.communityId === wuhan) chosen.add(adults.find((r) => r.id === SHI_AYI_RESIDENT_ID)!);
      const target = Math.min(adults.length, rng.int(15, 40));
      while (chosen.size < target) chosen.add(rng.pick(adults));
      for (const r of chosen) {
        members.push({
          _id: `partymember-${pad(members.length + 1, 5)}`,
          name: r.name,
          organizationId: org._id,
          streetId: org.streetId,
          communityId: org.communityId,
          residentId: r.id,
          phone: r.phone,
          joinedPartyOn: randomDay(rng, Math.max(r.birthYear + 18, 1970), SEED_YEAR - 2),
        });
      }
    } else {
      // A social organization's branch has the members the report counts (101 over the six).
      const drawn = rng.int(3, 12);
      const branch = partyBranchById(org._id);
      const n = branch ? branch.organizations.reduce((sum, o) => sum + o.partyMembers, 0) : drawn;
      for (let i = 0; i < n; i += 1) {
        members.push({
          _id: `partymember-${pad(members.length + 1, 5)}`,
          name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.5) ? rng.pick(GIVEN) : ''}`,
          organizationId: org._id,
          streetId: org.streetId,
          communityId: org.communityId,
          residentId: null,
          phone: `13${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`,
          joinedPartyOn: randomDay(rng, 1985, SEED_YEAR - 2),
        });
      }
    }
    org.memberCount = members.length - start;
  }
  return members;
}

const POST_TITLES = ['党员服务岗·政策咨询', '党员服务岗·矛盾调解', '党员服务岗·助老服务', '党员服务岗·便民代办', '党员服务岗·文明劝导'];

/** One post per community, held by the first member of its own organization. */
function postsOf(orgs: PartyOrganization[], members: PartyMember[], rng: SeededRandom): ServicePost[] {
  const wuhan = WUHAN_ROAD().id;
  return orgs
    .filter((o) => o.sector === 'COMMUNITY')
    .map((org, i): ServicePost => {
      const community = COMMUNITIES.find((c) => c.id === org.communityId)!;
      const holder = members.find((m) => m.organizationId === org._id)!;
      const isShiAyi = community.id === wuhan;
      const days = isShiAyi ? ['TUESDAY', 'THURSDAY'] : [...new Set([rng.pick(WEEKDAYS), rng.pick(WEEKDAYS)])];
      return {
        _id: `servicepost-${pad(i + 1, 3)}`,
        title: isShiAyi ? '党员服务岗·邻里帮办' : rng.pick(POST_TITLES),
        communityId: community.id,
        streetId: community.streetId,
        place: isShiAyi
          ? '武汉路社区党群服务中心·党员之家（活动室）'
          : `${community.urban ? `${community.name}党群服务中心` : `${community.name}便民服务站`}·党员活动室`,
        holderId: holder._id,
        weekdays: WEEKDAYS.filter((d) => days.includes(d)),
        opensAt: isShiAyi ? '09:00' : rng.pick(['08:30', '09:00', '14:30']),
        closesAt: isShiAyi ? '11:30' : rng.pick(['11:30', '17:00']),
        startsOn: isShiAyi ? `${SEED_YEAR - 2}-03-01` : randomDay(rng, SEED_YEAR - 4, SEED_YEAR - 1),
        endsOn: null,
        status: 'ACTIVE',
      };
    });
}

const NEEDS: [ResourceCategory, string][] = [
  ['VENUE', '睦邻学堂需要周末活动场地'],
  ['VOLUNTEERS', '独居老人助餐需要志愿者'],
  ['EXPERTISE', '百姓茶馆议事会需要法律顾问'],
  ['MATERIALS', '我家菜园需要种苗和工具'],
  ['FUNDING', '四点半课堂需要运行经费'],
];

/** A need per community; a third of the member units offer a resource, and every other offer is matched to a need of its kind. */
function projectsOf(orgs: PartyOrganization[], rng: SeededRandom): { needs: ProjectNeed[]; offers: ResourceOffer[] } {
  const needs = COMMUNITIES.map((c, i): ProjectNeed => {
    const [category, title] = NEEDS[i % NEEDS.length]!;
    return {
      _id: `need-${pad(i + 1, 3)}`,
      title,
      description: `${c.name}：${title}。`,
      category,
      communityId: c.id,
      streetId: c.streetId,
      committeeId: committeeIdOf(c.id),
      postedAt: SEEDED_AT,
    };
  });
  const offers = orgs
    .filter((o, i) => o.sector !== 'COMMUNITY' && i % 3 === 0)
    .map((org, i): ResourceOffer => {
      const drawn = rng.pick(NEEDS)[0];
      const need = needs.find((n) => n.communityId === org.communityId)!;
      const matched = i % 2 === 0;
      // 精准对接: a matched unit offers what its community's need asks for, never another kind.
      const category = matched ? need.category : drawn;
      return {
        _id: `offer-${pad(i + 1, 3)}`,
        title: `${org.unitName}提供${{ VENUE: '活动场地', FUNDING: '资金支持', VOLUNTEERS: '党员志愿者', EXPERTISE: '专业服务', MATERIALS: '物资', OTHER: '其他资源' }[category]}`,
        description: `${org.name}向${org.coBuilding!.committeeId}认领共建资源。`,
        category,
        organizationId: org._id,
        committeeId: org.coBuilding!.committeeId,
        streetId: org.streetId,
        communityId: org.coBuilding!.committeeId === committeeIdOf(org.streetId) ? null : org.communityId,
        status: matched ? 'MATCHED' : 'OPEN',
        match: matched ? { needId: need._id, matchedAt: SEEDED_AT, note: '精准对接' } : null,
        postedAt: SEEDED_AT,
      };
    });
  return { needs, offers };
}

/**
 * Demo meetings of the district tier (区-街道-社区三级联动): the report states the linkage and what it
 * is for (党建资源的众筹, 党建项目的精准对接), not any meeting. Held before the seed day.
 */
export function districtLinkageMeetingsOf(): DistrictLinkageMeeting[] {
  const wuhan = WUHAN_ROAD();
  const streetCommittees = STREETS.map((s) => committeeIdOf(s.id));
  const neighbour = STREETS.find((s) => s.id !== wuhan.streetId)!;
  return [
    {
      _id: 'linkagemeeting-district-1',
      topic: '区域化党建三级联动年度联席会议',
      heldOn: seedDayPlus(-300),
      committeeIds: streetCommittees,
      streetIds: STREETS.map((s) => s.id).sort(),
      decisions: ['各街道区域党工委汇总辖区党建资源清单，实现党建资源众筹', '党建项目需求清单与资源清单季度对接一次，推动精准对接'],
      recordedAt: SEEDED_AT,
    },
    {
      _id: 'linkagemeeting-district-2',
      topic: '“党建+”社区服务经验交流：武汉路社区“1+1+N”模式',
      heldOn: seedDayPlus(-60),
      committeeIds: [committeeIdOf(wuhan.streetId), committeeIdOf(wuhan.id), committeeIdOf(neighbour.id)],
      streetIds: [wuhan.streetId, neighbour.id].sort(),
      decisions: ['武汉路社区“1+1+N”社区服务模式在相邻街道试点'],
      recordedAt: SEEDED_AT,
    },
  ];
}

export function buildSeedData(): SeedData {
  const rng = new SeededRandom('sanshe-registry');
  const allResidents = residents();
  const byCommunity = new Map<string, ResidentFixture[]>();
  for (const r of allResidents) byCommunity.set(r.communityId, [...(byCommunity.get(r.communityId) ?? []), r]);
  const activitiesByCommunity = new Map<string, number>();
  for (const a of activityHistory().activities)
    activitiesByCommunity.set(a.communityId, (activitiesByCommunity.get(a.communityId) ?? 0) + 1);

  const partyOrganizations = PARTY_ORGANIZATIONS.map((p, i) => organizationOf(p, i, rng));
  const partyMembers = membersOf(partyOrganizations, byCommunity, rng);
  const { needs, offers } = projectsOf(partyOrganizations, rng);
  const residentDocs = allResidents.map((r): Resident => ({
    _id: r.id,
    name: r.name,
    communityId: r.communityId,
    streetId: r.streetId,
    address: r.address,
    birthYear: r.birthYear,
    phone: r.phone,
    careTags: [...r.careTags],
    preferredChannel: r.preferredChannel,
    volunteer: r.volunteer,
  }));
  return {
    streets: streetsOf(),
    communities: COMMUNITIES.map((c) => communityOf(c, byCommunity.get(c.id)?.length ?? 0, activitiesByCommunity.get(c.id) ?? 0)),
    partyOrganizations,
    partyMembers,
    servicePosts: postsOf(partyOrganizations, partyMembers, rng),
    residents: residentDocs,
    resourceOffers: offers,
    projectNeeds: needs,
    districtLinkageMeetings: districtLinkageMeetingsOf(),
  };
}
