import {
  COMMUNITIES,
  communityByName,
  SEED_YEAR,
  seedDayPlus,
  SOCIAL_ORG_PARTY_BRANCHES,
  SOCIAL_ORGANIZATIONS,
  SOCIAL_WORKERS,
  STREETS,
} from '@sanshe/seed-fixtures';
import {
  ratingOf,
  weightedScore,
  type JointMeeting,
  type OrganizationEvaluation,
  type OrganizationSupport,
} from '../domain/party-building';
import type { CourseAttendance, PartyTrainingCourse } from '../domain/party-training';

/**
 * The "三三三" mechanisms the report names (党建联席机制, 综合保障机制, 目标考评机制) and its second
 * sync (党员和骨干人才同步培养), with demo rows: the report describes the mechanisms and names the
 * organizations, not the meetings, amounts, scores, courses or hours.
 *
 * Dates hang on the seed calendar: meetings, support, courses and done follow-ups lie before the
 * seed day, open follow-ups fall due after it, and evaluations are of the last full year, so the
 * demo never goes stale. Ids carry no date.
 */
const orgId = (name: string) => SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!.id;
const NAMED = ['欣和社工', '阳光社工', '长乐社工', '洛阳市心理咨询师协会'];

/** The last year whose evaluations are complete on the seed day. */
export const SEEDED_EVALUATION_YEAR = SEED_YEAR - 1;

export function partyBuildingDocuments(recordedAt: Date) {
  const wuhanRoad = communityByName('武汉路社区');
  const wuhanRoadStreet = STREETS.find((s) => s.id === wuhanRoad.streetId)!;
  const branchOrgs = SOCIAL_ORG_PARTY_BRANCHES.flatMap((b) => b.organizations.map((o) => o.organizationId));
  const meetings: JointMeeting[] = [
    {
      _id: 'jointmeeting-district-1',
      topic: '社会组织党建联席会议：党建体检与工作年检同步开展',
      heldOn: seedDayPlus(-260),
      streetId: null,
      organizationIds: branchOrgs,
      decisions: ['党建体检与年检同步开展，上半年完成', '党员和骨干人才同步培养：各支部每季度一次党课'],
      followUps: [
        {
          id: '1',
          decision: 0,
          action: '汇总六个党支部的党建体检材料',
          ownerOrgId: orgId('欣和社工'),
          dueOn: seedDayPlus(-160),
          doneOn: seedDayPlus(-170),
        },
        {
          id: '2',
          decision: 1,
          action: '制定全年党课计划并报区社会组织党委',
          ownerOrgId: orgId('阳光社工'),
          dueOn: seedDayPlus(-220),
          doneOn: seedDayPlus(-225),
        },
      ],
      version: 1,
      recordedAt,
    },
    {
      _id: 'jointmeeting-street-1',
      topic: `${wuhanRoadStreet.name}“1+1+N”社区服务联席会`,
      heldOn: seedDayPlus(-30),
      streetId: wuhanRoadStreet.id,
      organizationIds: SOCIAL_ORGANIZATIONS.filter((o) => o.communityIds.includes(wuhanRoad.id)).map((o) => o.id),
      decisions: ['广场舞排班制纳入社区睦邻学堂活动安排'],
      followUps: [
        {
          id: '1',
          decision: 0,
          action: '与广场舞队伍协商新一季排班表',
          ownerOrgId: orgId('欣和社工'),
          dueOn: seedDayPlus(30),
          doneOn: null,
        },
      ],
      version: 1,
      recordedAt,
    },
  ];
  const support: OrganizationSupport[] = [
    {
      _id: 'support-1',
      organizationId: orgId('欣和社工'),
      kind: 'ROOM',
      amountYuan: 0,
      description: '武汉路社区党群服务中心功能室（党员之家、阅友之家、创享社）供开展服务',
      givenOn: seedDayPlus(-330),
      givenBy: '武汉路社区',
      recordedAt,
    },
    {
      _id: 'support-2',
      organizationId: orgId('长乐社工'),
      kind: 'FUNDS',
      amountYuan: 20_000,
      description: '党建工作经费（示例金额）',
      givenOn: seedDayPlus(-270),
      givenBy: '涧西区',
      recordedAt,
    },
    {
      _id: 'support-3',
      organizationId: orgId('阳光社工'),
      kind: 'TRAINING',
      amountYuan: 5_000,
      description: '党员和骨干人才党务培训（示例金额）',
      givenOn: seedDayPlus(-200),
      givenBy: '涧西区',
      recordedAt,
    },
  ];
  const evaluations: OrganizationEvaluation[] = NAMED.map((name, i) => {
    const targets = [
      { name: '党建工作', weight: 30, score: 92 - i * 3 },
      { name: '服务成效', weight: 40, score: 90 - i * 2 },
      { name: '规范管理', weight: 30, score: 88 - i },
    ];
    const score = weightedScore(targets);
    return {
      _id: `${orgId(name)}:${SEEDED_EVALUATION_YEAR}`,
      organizationId: orgId(name),
      year: SEEDED_EVALUATION_YEAR,
      targets,
      score,
      rating: ratingOf(score),
      recordedAt,
    };
  });
  return { meetings, support, evaluations, ...trainingDocuments(recordedAt) };
}

/**
 * Two district courses and one of 武汉路社区's street, before the seed day, attended by the
 * social workers (key staff) of the four named organizations. Party members are registry's and
 * their ids come from its own seed, so the seed records no party-member attendance: the API does.
 */
function trainingDocuments(recordedAt: Date) {
  const wuhanRoad = communityByName('武汉路社区');
  const courses: PartyTrainingCourse[] = [
    {
      _id: 'partycourse-district-1',
      title: '社会组织党务工作者培训班',
      organizer: '涧西区委党校（示例）',
      heldOn: seedDayPlus(-180),
      hours: 6,
      topic: 'PARTY_AFFAIRS',
      streetId: null,
      recordedAt,
    },
    {
      _id: 'partycourse-district-2',
      title: '社会工作骨干人才能力提升班',
      organizer: '社会工作者培训基地（示例）',
      heldOn: seedDayPlus(-90),
      hours: 8,
      topic: 'PROFESSIONAL_SKILLS',
      streetId: null,
      recordedAt,
    },
    {
      _id: 'partycourse-street-1',
      title: '“党建+”社区服务专题党课',
      organizer: '武汉路社区党委（示例）',
      heldOn: seedDayPlus(-45),
      hours: 2,
      topic: 'PARTY_THEORY',
      streetId: wuhanRoad.streetId,
      recordedAt,
    },
  ];
  const streetOf = new Map(COMMUNITIES.map((c) => [c.id, c.streetId]));
  const serves = (org: string, streetId: string) =>
    SOCIAL_ORGANIZATIONS.find((o) => o.id === org)!.communityIds.some((c) => streetOf.get(c) === streetId);
  const attendance: CourseAttendance[] = [];
  for (const name of NAMED) {
    const staff = SOCIAL_WORKERS.filter((w) => w.organizationId === orgId(name)).slice(0, 2);
    for (const course of courses) {
      if (course.streetId && !serves(orgId(name), course.streetId)) continue;
      for (const w of staff) {
        attendance.push({
          _id: `attendance-${course._id}-${w.id}`,
          courseId: course._id,
          organizationId: orgId(name),
          kind: 'KEY_STAFF',
          personId: w.id,
          hoursCredited: course.hours,
          heldOn: course.heldOn,
          recordedAt,
        });
      }
    }
  }
  return { courses, attendance };
}
