import { pad, SeededRandom } from './random';
import { SEEDED_AT } from './seed-clock';
import { residentsOf, type ResidentFixture } from './residents';
import { SOCIAL_ORGANIZATIONS } from './social-orgs';
import { COMMUNITIES, communityByName, PARTY_ORGANIZATIONS } from './territory';

export type ActivityCategory =
  | 'NEIGHBOURHOOD_SCHOOL'
  | 'MY_VEGETABLE_GARDEN'
  | 'PEOPLES_TEAHOUSE'
  | 'PARTY_BUILDING'
  | 'ENVIRONMENTAL_CLASS'
  | 'SQUARE_DANCE'
  | 'ELDERLY_CARE'
  | 'CHILDREN'
  | 'CULTURE'
  | 'HEALTH_TALK'
  | 'VOLUNTEERING';

export interface HistoricActivity {
  id: string;
  title: string;
  category: ActivityCategory;
  communityId: string;
  streetId: string;
  organizer: { kind: 'COMMUNITY' | 'SOCIAL_ORGANIZATION' | 'PARTY_ORGANIZATION'; id: string };
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface HistoricAttendance {
  id: string;
  activityId: string;
  residentId: string;
  communityId: string;
  confirmedAt: Date;
}

export interface HistoricVolunteerShift {
  id: string;
  activityId: string;
  residentId: string;
  communityId: string;
  hours: number;
  verifiedAt: Date;
}

export interface ActivityHistory {
  activities: HistoricActivity[];
  attendances: HistoricAttendance[];
  volunteerShifts: HistoricVolunteerShift[];
}

/** Two years of history (726 whole days) ending at the start of the seed day. */
export const HISTORY_DAYS = 726;
export const HISTORY_END = SEEDED_AT;
export const HISTORY_START = new Date(SEEDED_AT.getTime() - HISTORY_DAYS * 86_400_000);
export const HISTORIC_ACTIVITY_COUNT = 7_242;

const TITLES: Record<ActivityCategory, string[]> = {
  NEIGHBOURHOOD_SCHOOL: ['社区睦邻学堂', '睦邻学堂·智能手机课', '睦邻学堂·书法课'],
  MY_VEGETABLE_GARDEN: ['我家菜园', '我家菜园·春耕', '我家菜园·收获节'],
  PEOPLES_TEAHOUSE: ['百姓茶馆', '百姓茶馆·议事会', '百姓茶馆·说说心里话'],
  PARTY_BUILDING: ['主题党日', '党员志愿服务日', '红色故事分享会'],
  // 生态时蔬花园课堂 is 天九社区's own class in the report, so other communities hold other classes.
  ENVIRONMENTAL_CLASS: ['节水护河小课堂', '垃圾分类小课堂', '酵素制作体验'],
  SQUARE_DANCE: ['广场舞展演', '广场舞培训'],
  ELDERLY_CARE: ['长者生日会', '老年人防诈骗讲座', '助老义剪'],
  CHILDREN: ['四点半课堂', '儿童安全教育', '亲子手工'],
  CULTURE: ['端午包粽子', '中秋诗会', '迎新春写春联'],
  HEALTH_TALK: ['健康大讲堂', '义诊进社区', '中医养生讲座'],
  VOLUNTEERING: ['润贤银行志愿日', '楼道清洁志愿行动', '文明劝导'],
};
const CATEGORIES = Object.keys(TITLES) as ActivityCategory[];

function build(): ActivityHistory {
  const rng = new SeededRandom('sanshe-activity-history');
  const span = HISTORY_END.getTime() - HISTORY_START.getTime();
  const tianjiu = communityByName('天九社区').id;
  const hanGuizhi = residentsOf(tianjiu).find((r) => r.name === '韩桂芝')!;
  const residentsByCommunity = new Map<string, ResidentFixture[]>(COMMUNITIES.map((c) => [c.id, residentsOf(c.id)]));
  const orgsByCommunity = new Map<string, string[]>();
  for (const org of SOCIAL_ORGANIZATIONS)
    for (const c of org.communityIds) orgsByCommunity.set(c, [...(orgsByCommunity.get(c) ?? []), org.id]);

  const activities: HistoricActivity[] = [];
  const attendances: HistoricAttendance[] = [];
  const volunteerShifts: HistoricVolunteerShift[] = [];
  for (let i = 0; i < HISTORIC_ACTIVITY_COUNT; i += 1) {
    const community = COMMUNITIES[i % COMMUNITIES.length]!;
    // The first activity of 天九社区 is the 生态时蔬花园 class from the report.
    const isGardenClass = community.id === tianjiu && i < COMMUNITIES.length;
    const category = isGardenClass ? 'ENVIRONMENTAL_CLASS' : rng.pick(CATEGORIES);
    const day = new Date(HISTORY_START.getTime() + Math.floor((rng.next() * span) / 86_400_000) * 86_400_000);
    const startsAt = new Date(day.getTime() + rng.pick([9, 10, 14, 15, 19]) * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + rng.pick([1, 1.5, 2, 3]) * 3_600_000);
    const capacity = rng.pick([20, 25, 30, 40, 50, 60]);
    const orgs = orgsByCommunity.get(community.id) ?? [];
    const organizerRoll = rng.next();
    // The report has 天九社区 itself organize its 生态时蔬花园 class.
    const organizer: HistoricActivity['organizer'] = isGardenClass
      ? { kind: 'COMMUNITY', id: community.id }
      : organizerRoll < 0.45 && orgs.length > 0
        ? { kind: 'SOCIAL_ORGANIZATION', id: rng.pick(orgs) }
        : organizerRoll < 0.6
          ? { kind: 'PARTY_ORGANIZATION', id: rng.pick(PARTY_ORGANIZATIONS.filter((p) => p.communityId === community.id)).id }
          : { kind: 'COMMUNITY', id: community.id };
    const activity: HistoricActivity = {
      id: `activity-${pad(i + 1, 5)}`,
      title: isGardenClass ? '生态时蔬花园课堂' : rng.pick(TITLES[category]),
      category,
      communityId: community.id,
      streetId: community.streetId,
      organizer,
      startsAt,
      endsAt,
      capacity,
    };
    activities.push(activity);

    const pool = residentsByCommunity.get(community.id)!;
    const attending = new Set<ResidentFixture>();
    if (isGardenClass) attending.add(hanGuizhi);
    // 40–75 % of the places taken lands two years on the report's 服务居民累计达15万人次 (150,000–159,999).
    const target = Math.min(pool.length, Math.round(capacity * (0.4 + rng.next() * 0.35)));
    while (attending.size < target) attending.add(rng.pick(pool));
    let n = 0;
    for (const resident of attending) {
      n += 1;
      attendances.push({
        id: `attendance-${pad(i + 1, 5)}-${pad(n, 2)}`,
        activityId: activity.id,
        residentId: resident.id,
        communityId: community.id,
        confirmedAt: startsAt,
      });
    }
    const volunteers = pool.filter((r) => r.volunteer);
    for (let v = 0, count = rng.int(1, 3); v < count && volunteers.length > 0; v += 1) {
      volunteerShifts.push({
        id: `shift-${pad(i + 1, 5)}-${v + 1}`,
        activityId: activity.id,
        residentId: rng.pick(volunteers).id,
        communityId: community.id,
        hours: Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / 3_600_000)),
        verifiedAt: endsAt,
      });
    }
  }
  return { activities, attendances, volunteerShifts };
}

let cache: ActivityHistory | null = null;

/** ≥ 7,000 activities and 150,000–159,999 confirmed attendances over all 71 communities, as the report counts. */
export function activityHistory(): ActivityHistory {
  cache ??= build();
  return cache;
}
