import { TOPICS } from '@sanshe/schemas/generated/events';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { errorOf, knownCommunity, minutesFromNow, readEvents, stopAndDrop } from './helpers';

const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { id } }`;
const SCHEDULE = `mutation($input: ScheduleVolunteerInput!) { scheduleVolunteer(input: $input) { id status role scheduledHours resident { id } } }`;
const REPORT = `mutation($activityId: ID!, $shiftId: ID!, $hours: Float!) { reportVolunteerHours(activityId: $activityId, shiftId: $shiftId, hours: $hours) { status completedHours } }`;
const VERIFY = `mutation($activityId: ID!, $shiftId: ID!, $hours: Float) { verifyVolunteerHours(activityId: $activityId, shiftId: $shiftId, hours: $hours) { status verifiedHours } }`;
const HOURS = `query($id: ID!) { residentActivity(residentId: $id) { volunteerHours { scheduled completed verified } volunteerShifts { role status activity { title } } } }`;

describe('volunteer hours', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
  });
  afterAll(() => stopAndDrop(stack));

  it('are scheduled by staff, reported by the volunteer, verified by staff, and announced for credits', async () => {
    const shiAyi = `${stack.runId}-shi-ayi`;
    const volunteer = await stack.token({ roles: ['RESIDENT'], residentId: shiAyi });
    const draft = await stack.query<{ createActivity: { id: string } }>(
      CREATE,
      {
        input: {
          title: '百姓茶馆',
          category: 'PEOPLES_TEAHOUSE',
          communityId,
          startsAt: minutesFromNow(-90),
          endsAt: minutesFromNow(30),
          capacity: 20,
        },
      },
      staff,
    );
    const activityId = draft.data!.createActivity.id;
    await stack.query(PUBLISH, { id: activityId }, staff);

    const input = { activityId, residentId: shiAyi, role: '党员服务岗', scheduledHours: 2 };
    expect(errorOf(await stack.query(SCHEDULE, { input }, volunteer))?.extensions?.code).toBe('FORBIDDEN');
    const scheduled = await stack.query<{ scheduleVolunteer: { id: string; status: string } }>(SCHEDULE, { input }, staff);
    expect(scheduled.data?.scheduleVolunteer).toMatchObject({ status: 'SCHEDULED' });
    expect(errorOf(await stack.query(SCHEDULE, { input }, staff))?.extensions?.code).toBe('CONFLICT');
    const shiftId = scheduled.data!.scheduleVolunteer.id;

    expect(errorOf(await stack.query(VERIFY, { activityId, shiftId }, staff))?.message).toContain('not been reported');
    expect(errorOf(await stack.query(REPORT, { activityId, shiftId, hours: 25 }, volunteer))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'hours',
    });
    const someoneElse = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-someone` });
    expect(errorOf(await stack.query(REPORT, { activityId, shiftId, hours: 2 }, someoneElse))?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await stack.query<{ reportVolunteerHours: { status: string } }>(REPORT, { activityId, shiftId, hours: 2.5 }, volunteer)).data
        ?.reportVolunteerHours.status,
    ).toBe('COMPLETED');
    expect(errorOf(await stack.query(VERIFY, { activityId, shiftId }, volunteer))?.extensions?.code).toBe('FORBIDDEN');
    const verified = await stack.query<{ verifyVolunteerHours: { status: string; verifiedHours: number } }>(
      VERIFY,
      { activityId, shiftId, hours: 2 },
      staff,
    );
    expect(verified.data?.verifyVolunteerHours).toEqual({ status: 'VERIFIED', verifiedHours: 2 });
    expect(errorOf(await stack.query(VERIFY, { activityId, shiftId }, staff))?.extensions?.code).toBe('CONFLICT');

    const [record] = await readEvents(
      TOPICS.ACTIVITIES_V1,
      (e) => e.subject === activityId && e.type === 'cn.sanshe.activities.volunteerHours.verified.v1',
    );
    expect(record!.event).toMatchObject({ specversion: '1.0', source: 'activities', datacontenttype: 'application/json' });
    expect(record!.event.data).toEqual({
      shiftId,
      activityId,
      residentId: shiAyi,
      communityId,
      hours: 2,
      verifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    const hours = await eventually(
      async () => {
        const res = await stack.query<{ residentActivity: { volunteerHours: { verified: number }; volunteerShifts: unknown[] } }>(
          HOURS,
          { id: shiAyi },
          volunteer,
        );
        return res.data?.residentActivity.volunteerHours.verified === 2 ? res.data.residentActivity : undefined;
      },
      60_000,
      'the verified hours to reach the resident record',
    );
    expect(hours).toEqual({
      volunteerHours: { scheduled: 2, completed: 2.5, verified: 2 },
      volunteerShifts: [{ role: '党员服务岗', status: 'VERIFIED', activity: { title: '百姓茶馆' } }],
    });
  });
});
