import { COMMUNITIES, communityByName, seedDayPlus, SOCIAL_ORGANIZATIONS, STREETS } from '@sanshe/seed-fixtures';
import { seed } from '@sanshe/social-orgs/seed';
import { SEEDED_EVALUATION_YEAR } from '@sanshe/social-orgs/seed/party-building';
import { startStack, type Stack } from '@sanshe/test-env';
import { codeOf, publishedEvents } from './helpers';

const MEETING = `mutation($input: RecordJointPartyMeetingInput!) {
  recordJointPartyMeeting(input: $input) { id streetId organizations { name } decisions { text followUps { id owner { name } dueOn doneOn overdue } } }
}`;
const COMPLETE = `mutation($m: ID!, $f: ID!, $d: String) { completeMeetingFollowUp(meetingId: $m, followUpId: $f, doneOn: $d) { decisions { followUps { id doneOn } } } }`;
const SUPPORT = `mutation($input: RecordOrganizationSupportInput!) { recordOrganizationSupport(input: $input) { id kind amountYuan organization { name } } }`;
const EVALUATE = `mutation($input: RecordOrganizationEvaluationInput!) { recordOrganizationEvaluation(input: $input) { year score rating targets { name weight score } } }`;
const ORG = `query($id: ID!) { socialOrganization(id: $id) {
  jointPartyMeetings { topic streetId decisions { text followUps { action owner { name } doneOn } } }
  supportReceived { kind amountYuan givenBy }
  targetEvaluations { year score rating }
} }`;

/** The 三三三 method's joint meetings, support and organization evaluations, through the gateway. */
describe('party building in social organizations (三三三)', () => {
  let stack: Stack;
  let admin: string;
  const org = (name: string) => SOCIAL_ORGANIZATIONS.find((o) => o.name === name)!.id;
  const wuhanRoad = communityByName('武汉路社区');
  const servingWuhanRoad = SOCIAL_ORGANIZATIONS.filter((o) => o.communityIds.includes(wuhanRoad.id)).map((o) => o.id);
  const otherStreet = STREETS.find((s) => s.id !== wuhanRoad.streetId)!.id;
  const streetOf = (communityId: string) => COMMUNITIES.find((c) => c.id === communityId)!.streetId;
  // An organization serving no community of 武汉路社区's street.
  const elsewhere = SOCIAL_ORGANIZATIONS.find((o) => o.communityIds.every((c) => streetOf(c) !== wuhanRoad.streetId))!.id;

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await seed({ env: { ...stack.env, MONGO_DB: stack.services['social-orgs']!.connection.name } });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(() => stack?.stop());

  it("shows 欣和社工's seeded joint meetings with decisions and follow-ups, its support, and its evaluation to the district only", async () => {
    const xinhe = org('欣和社工');
    const res = await stack.query<{
      socialOrganization: {
        jointPartyMeetings: { streetId: string | null; decisions: { followUps: { owner: { name: string } }[] }[] }[];
        supportReceived: { kind: string }[];
        targetEvaluations: { year: number; rating: string }[];
      };
    }>(ORG, { id: xinhe }, admin);
    expect(res.errors).toBeUndefined();
    const { jointPartyMeetings, supportReceived, targetEvaluations } = res.data!.socialOrganization;
    expect(jointPartyMeetings.map((m) => m.streetId)).toEqual([wuhanRoad.streetId, null]);
    expect(jointPartyMeetings.flatMap((m) => m.decisions.flatMap((d) => d.followUps.map((f) => f.owner.name)))).toContain('欣和社工');
    expect(supportReceived.map((s) => s.kind)).toEqual(['ROOM']);
    expect(targetEvaluations).toEqual([{ year: SEEDED_EVALUATION_YEAR, score: expect.any(Number), rating: 'EXCELLENT' }]);

    const anonymous = await stack.query<{ socialOrganization: { targetEvaluations: unknown } }>(ORG, { id: xinhe });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const otherStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [org('阳光社工')] });
    expect(codeOf(await stack.query(ORG, { id: xinhe }, otherStaff))).toBe('FORBIDDEN');
  });

  it("lets a street's staff record a meeting of its own organizations only, and the owner complete a follow-up once", async () => {
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [wuhanRoad.streetId] });
    const input = {
      topic: '百姓茶馆议事会联席',
      heldOn: seedDayPlus(-20),
      streetId: wuhanRoad.streetId,
      organizationIds: servingWuhanRoad.slice(0, 3),
      decisions: [
        {
          text: '每月一次百姓茶馆议事会',
          followUps: [{ action: '排出上半年议题', ownerOrgId: servingWuhanRoad[1], dueOn: seedDayPlus(30) }],
        },
      ],
    };
    const recorded = await stack.query<{
      recordJointPartyMeeting: { id: string; decisions: { followUps: { id: string; overdue: boolean }[] }[] };
    }>(MEETING, { input }, streetStaff);
    expect(recorded.errors).toBeUndefined();
    const meeting = recorded.data!.recordJointPartyMeeting;

    const foreignStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [otherStreet] });
    expect(codeOf(await stack.query(MEETING, { input }, foreignStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(MEETING, { input: { ...input, streetId: null } }, streetStaff))).toBe('FORBIDDEN');
    const outsider = await stack.query(
      MEETING,
      { input: { ...input, organizationIds: [...input.organizationIds, elsewhere] } },
      streetStaff,
    );
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationIds' });
    const absentOwner = await stack.query(
      MEETING,
      {
        input: {
          ...input,
          decisions: [{ text: 'x', followUps: [{ action: 'y', ownerOrgId: servingWuhanRoad[4], dueOn: seedDayPlus(30) }] }],
        },
      },
      streetStaff,
    );
    expect(absentOwner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions[0].followUps[0].ownerOrgId' });

    const followUp = meeting.decisions[0]!.followUps[0]!.id;
    const notOwner = await stack.token({ roles: ['ORG_STAFF'], orgIds: [servingWuhanRoad[0]!] });
    expect(codeOf(await stack.query(COMPLETE, { m: meeting.id, f: followUp, d: seedDayPlus(-5) }, notOwner))).toBe('FORBIDDEN');
    const owner = await stack.token({ roles: ['ORG_STAFF'], orgIds: [servingWuhanRoad[1]!] });
    const done = await stack.query<{ completeMeetingFollowUp: { decisions: { followUps: { id: string; doneOn: string }[] }[] } }>(
      COMPLETE,
      { m: meeting.id, f: followUp, d: seedDayPlus(-5) },
      owner,
    );
    expect(done.data?.completeMeetingFollowUp.decisions[0]!.followUps).toEqual([{ id: followUp, doneOn: seedDayPlus(-5) }]);
    expect(codeOf(await stack.query(COMPLETE, { m: meeting.id, f: followUp }, owner))).toBe('CONFLICT');

    // Partners learn of the meeting and the done follow-up: ids, days and counts, not the staff's words.
    const events = await publishedEvents('sanshe.social-orgs.v1', meeting.id, [
      'cn.sanshe.social-orgs.jointMeeting.recorded.v1',
      'cn.sanshe.social-orgs.jointMeeting.followUpCompleted.v1',
    ]);
    expect(events.get('cn.sanshe.social-orgs.jointMeeting.recorded.v1')!.data).toEqual({
      meetingId: meeting.id,
      level: 'STREET',
      streetId: wuhanRoad.streetId,
      heldOn: input.heldOn,
      organizationIds: input.organizationIds,
      decisionCount: 1,
      followUps: [{ followUpId: followUp, ownerOrgId: servingWuhanRoad[1], dueOn: seedDayPlus(30) }],
    });
    expect(events.get('cn.sanshe.social-orgs.jointMeeting.followUpCompleted.v1')!.data).toMatchObject({
      followUpId: followUp,
      doneOn: seedDayPlus(-5),
      late: false,
    });
  });

  it('records support with its value, refusing funds of nothing and a street supporting another street’s organization', async () => {
    const base = {
      organizationId: org('长乐社工'),
      kind: 'FUNDS',
      amountYuan: 8_000,
      description: '党员活动经费',
      givenOn: seedDayPlus(-10),
      givenBy: '涧西区',
    };
    const zero = await stack.query(SUPPORT, { input: { ...base, amountYuan: 0 } }, admin);
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountYuan' });
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [otherStreet] });
    expect(codeOf(await stack.query(SUPPORT, { input: { ...base, streetId: wuhanRoad.streetId } }, streetStaff))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(SUPPORT, { input: base }, streetStaff))).toBe('FORBIDDEN');
    const given = await stack.query<{ recordOrganizationSupport: { amountYuan: number } }>(SUPPORT, { input: base }, admin);
    expect(given.data?.recordOrganizationSupport).toMatchObject({ kind: 'FUNDS', amountYuan: 8_000, organization: { name: '长乐社工' } });
    const events = await publishedEvents('sanshe.social-orgs.v1', base.organizationId, ['cn.sanshe.social-orgs.support.recorded.v1']);
    expect(events.get('cn.sanshe.social-orgs.support.recorded.v1')!.data).toEqual({
      supportId: expect.any(String),
      organizationId: base.organizationId,
      kind: 'FUNDS',
      amountYuan: 8_000,
      givenOn: base.givenOn,
    });
    const listed = await stack.query<{ socialOrganization: { supportReceived: { amountYuan: number }[] } }>(
      `query($id: ID!) { socialOrganization(id: $id) { supportReceived { amountYuan } } }`,
      { id: base.organizationId },
    );
    expect(listed.data!.socialOrganization.supportReceived.map((s) => s.amountYuan)).toContain(8_000);
  });

  it('evaluates an organization once a year against weighted targets, rating it by the weighted score', async () => {
    const target = servingWuhanRoad.find((id) => id !== org('欣和社工'))!;
    const input = {
      organizationId: target,
      year: SEEDED_EVALUATION_YEAR,
      targets: [
        { name: '党建工作', weight: 40, score: 95 },
        { name: '服务成效', weight: 60, score: 80 },
      ],
    };
    const badWeights = await stack.query(EVALUATE, { input: { ...input, targets: [{ name: '党建工作', weight: 40, score: 95 }] } }, admin);
    expect(badWeights.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targets' });
    expect(codeOf(await stack.query(EVALUATE, { input }, await stack.token({ roles: ['ORG_STAFF'], orgIds: [target] })))).toBe('FORBIDDEN');
    const res = await stack.query<{ recordOrganizationEvaluation: { score: number; rating: string } }>(EVALUATE, { input }, admin);
    expect(res.data?.recordOrganizationEvaluation).toMatchObject({ year: SEEDED_EVALUATION_YEAR, score: 86, rating: 'GOOD' });
    expect(codeOf(await stack.query(EVALUATE, { input }, admin))).toBe('CONFLICT');
  });
});
