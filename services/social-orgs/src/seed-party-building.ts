import { communityByName, SOCIAL_ORG_PARTY_BRANCHES, SOCIAL_ORGANIZATIONS, STREETS } from '@sanshe/seed-fixtures';
import { ratingOf, weightedScore, type JointMeeting, type OrganizationEvaluation, type OrganizationSupport } from './domain/party-building';

/**
 * The "三三三" mechanisms the report names (党建联席机制, 综合保障机制, 目标考评机制), with demo
 * rows: the report describes the mechanisms and names the organizations, not the meetings,
 * amounts or scores.
 */
const orgId = (name: string) => SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!.id;
const NAMED = ['欣和社工', '阳光社工', '长乐社工', '洛阳市心理咨询师协会'];

export function partyBuildingDocuments(recordedAt: Date) {
  const wuhanRoad = communityByName('武汉路社区');
  const wuhanRoadStreet = STREETS.find((s) => s.id === wuhanRoad.streetId)!;
  const branchOrgs = SOCIAL_ORG_PARTY_BRANCHES.flatMap((b) => b.organizations.map((o) => o.organizationId));
  const meetings: JointMeeting[] = [
    {
      _id: 'jointmeeting-district-2025-1',
      topic: '社会组织党建联席会议：党建体检与工作年检同步开展',
      heldOn: '2025-03-18',
      streetId: null,
      organizationIds: branchOrgs,
      decisions: ['党建体检与年检同步开展，上半年完成', '党员和骨干人才同步培养：各支部每季度一次党课'],
      followUps: [
        { id: '1', decision: 0, action: '汇总六个党支部的党建体检材料', ownerOrgId: orgId('欣和社工'), dueOn: '2025-06-30', doneOn: '2025-06-20' },
        { id: '2', decision: 1, action: '制定全年党课计划并报区社会组织党委', ownerOrgId: orgId('阳光社工'), dueOn: '2025-04-30', doneOn: '2025-04-25' },
      ],
      version: 1,
      recordedAt,
    },
    {
      _id: 'jointmeeting-street-2025-1',
      topic: `${wuhanRoadStreet.name}“1+1+N”社区服务联席会`,
      heldOn: '2025-09-10',
      streetId: wuhanRoadStreet.id,
      organizationIds: SOCIAL_ORGANIZATIONS.filter((o) => o.communityIds.includes(wuhanRoad.id)).map((o) => o.id),
      decisions: ['广场舞排班制纳入社区睦邻学堂活动安排'],
      followUps: [{ id: '1', decision: 0, action: '与广场舞队伍协商新一季排班表', ownerOrgId: orgId('欣和社工'), dueOn: '2025-10-31', doneOn: null }],
      version: 1,
      recordedAt,
    },
  ];
  const support: OrganizationSupport[] = [
    { _id: 'support-2025-1', organizationId: orgId('欣和社工'), kind: 'ROOM', amountYuan: 0, description: '武汉路社区党群服务中心功能室（党员之家、阅友之家、创享社）供开展服务', givenOn: '2025-01-06', givenBy: '武汉路社区', recordedAt },
    { _id: 'support-2025-2', organizationId: orgId('长乐社工'), kind: 'FUNDS', amountYuan: 20_000, description: '党建工作经费（示例金额）', givenOn: '2025-03-01', givenBy: '涧西区', recordedAt },
    { _id: 'support-2025-3', organizationId: orgId('阳光社工'), kind: 'TRAINING', amountYuan: 5_000, description: '党员和骨干人才党务培训（示例金额）', givenOn: '2025-05-16', givenBy: '涧西区', recordedAt },
  ];
  const evaluations: OrganizationEvaluation[] = NAMED.map((name, i) => {
    const targets = [
      { name: '党建工作', weight: 30, score: 92 - i * 3 },
      { name: '服务成效', weight: 40, score: 90 - i * 2 },
      { name: '规范管理', weight: 30, score: 88 - i },
    ];
    const score = weightedScore(targets);
    return { _id: `${orgId(name)}:2025`, organizationId: orgId(name), year: 2025, targets, score, rating: ratingOf(score), recordedAt };
  });
  return { meetings, support, evaluations };
}
