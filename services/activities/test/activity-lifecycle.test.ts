import { TOPICS } from '@sanshe/schemas/generated/events';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { errorOf, knownCommunity, minutesFromNow, readEvents, stopAndDrop } from './helpers';

const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id status } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeActivity(id: $id) { status } }`;
const REGISTRATION_FIELDS = `id status waitlistPosition checkInCode resident { id }`;
const REGISTER = `mutation($activityId: ID!, $residentId: ID) { registerForActivity(activityId: $activityId, residentId: $residentId) { ${REGISTRATION_FIELDS} } }`;
const CANCEL = `mutation($activityId: ID!) { cancelActivityRegistration(activityId: $activityId) { id status } }`;
const CHECK_IN = `mutation($activityId: ID!, $code: String!) { checkInToActivity(activityId: $activityId, code: $code) { id status checkedInAt } }`;
const ACTIVITY = `query($id: ID!) { activity(id: $id) { title status capacity seatsTaken seatsLeft waitlistLength attendedCount } }`;
const ROSTER = `query($id: ID!) { activity(id: $id) { registrations { id status waitlistPosition resident { id } } } }`;
const MY_REGISTRATIONS = `query($id: ID!) { residentActivity(residentId: $id) { activityRegistrations { id status checkInCode activity { id } } } }`;

interface Registered {
  registerForActivity: { id: string; status: string; waitlistPosition: number | null; checkInCode: string | null };
}

describe('an activity from publication to attendance', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;
  const resident = (name: string) => `${stack.runId}-resident-${name}`;
  const residentToken = (name: string) => stack.token({ roles: ['RESIDENT'], residentId: resident(name) });

  async function publishedActivity(input: { startsAt: string; endsAt: string; capacity: number; title?: string }): Promise<string> {
    const draft = await stack.query<{ createActivity: { id: string } }>(
      CREATE,
      { input: { title: '社区睦邻学堂', category: 'NEIGHBOURHOOD_SCHOOL', communityId, ...input } },
      staff,
    );
    expect(draft.errors).toBeUndefined();
    const id = draft.data!.createActivity.id;
    expect(errorOf(await stack.query(ACTIVITY, { id }))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await stack.query<{ publishActivity: { status: string } }>(PUBLISH, { id }, staff)).data?.publishActivity.status).toBe(
      'PUBLISHED',
    );
    return id;
  }

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
  });
  afterAll(() => stopAndDrop(stack));

  it('waitlists past capacity, promotes on cancellation, checks in with a one-time code and announces the attendance on Kafka', async () => {
    const id = await publishedActivity({ startsAt: minutesFromNow(30), endsAt: minutesFromNow(150), capacity: 2 });

    const a = await stack.query<Registered>(REGISTER, { activityId: id }, await residentToken('a'));
    const b = await stack.query<Registered>(REGISTER, { activityId: id }, await residentToken('b'));
    const c = await stack.query<Registered>(REGISTER, { activityId: id }, await residentToken('c'));
    const d = await stack.query<Registered>(REGISTER, { activityId: id, residentId: resident('d') }, staff);
    expect([a, b, c, d].map((r) => r.data?.registerForActivity.status)).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    expect(a.data!.registerForActivity.checkInCode).toMatch(/^\d{6}$/);
    expect(c.data!.registerForActivity).toMatchObject({ waitlistPosition: 1, checkInCode: null });
    expect(d.data!.registerForActivity.waitlistPosition).toBe(2);
    expect(errorOf(await stack.query(REGISTER, { activityId: id }, await residentToken('a')))?.extensions?.code).toBe('CONFLICT');

    // The public sees the activity and its numbers, not who registered.
    expect((await stack.query(ACTIVITY, { id })).data?.activity).toMatchObject({
      status: 'PUBLISHED',
      seatsTaken: 2,
      seatsLeft: 0,
      waitlistLength: 2,
    });
    expect(errorOf(await stack.query(ROSTER, { id }))?.extensions?.code).toBe('UNAUTHENTICATED');

    const cancelled = await stack.query<{ cancelActivityRegistration: { status: string } }>(
      CANCEL,
      { activityId: id },
      await residentToken('a'),
    );
    expect(cancelled.data?.cancelActivityRegistration.status).toBe('CANCELLED');
    const roster = await stack.query<{
      activity: { registrations: { status: string; waitlistPosition: number | null; resident: { id: string } }[] };
    }>(ROSTER, { id }, staff);
    expect(roster.data?.activity.registrations.map((r) => [r.resident.id, r.status, r.waitlistPosition])).toEqual([
      [resident('a'), 'CANCELLED', null],
      [resident('b'), 'REGISTERED', null],
      [resident('c'), 'REGISTERED', null],
      [resident('d'), 'WAITLISTED', 1],
    ]);

    // The promoted resident finds their new check-in code among their registrations.
    const cToken = await residentToken('c');
    const code = await eventually(
      async () => {
        const mine = await stack.query<{
          residentActivity: { activityRegistrations: { status: string; checkInCode: string | null; activity: { id: string } }[] };
        }>(MY_REGISTRATIONS, { id: resident('c') }, cToken);
        const entry = mine.data?.residentActivity.activityRegistrations.find((r) => r.activity.id === id);
        return entry?.status === 'REGISTERED' ? entry.checkInCode : undefined;
      },
      60_000,
      'the promotion to reach the resident record',
    );
    expect(code).toMatch(/^\d{6}$/);
    expect(
      errorOf(await stack.query(CHECK_IN, { activityId: id, code: b.data!.registerForActivity.checkInCode }, cToken))?.extensions?.code,
    ).toBe('FORBIDDEN');
    const checkedIn = await stack.query<{ checkInToActivity: { id: string; status: string } }>(CHECK_IN, { activityId: id, code }, cToken);
    expect(checkedIn.data?.checkInToActivity.status).toBe('ATTENDED');
    const again = errorOf(await stack.query(CHECK_IN, { activityId: id, code }, staff));
    expect(again?.extensions?.code).toBe('CONFLICT');
    expect(again?.message).toContain('already used');
    expect((await stack.query(ACTIVITY, { id })).data?.activity).toMatchObject({ seatsTaken: 2, waitlistLength: 1, attendedCount: 1 });

    const records = await readEvents(TOPICS.ACTIVITIES_V1, (e) => e.subject === id, 8);
    expect(records.map((r) => String(r.event.type).replace('cn.sanshe.activities.', ''))).toEqual([
      'activity.published.v1',
      'registration.created.v1',
      'registration.created.v1',
      'registration.created.v1',
      'registration.created.v1',
      'registration.cancelled.v1',
      'registration.promoted.v1',
      'attendance.confirmed.v1',
    ]);
    const attendance = records.at(-1)!;
    expect(attendance.event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: 'activities',
      type: 'cn.sanshe.activities.attendance.confirmed.v1',
      subject: id,
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      datacontenttype: 'application/json',
      dataschema: 'https://schemas.sanshe.dev/events/activities/attendance.confirmed.v1.json',
      data: {
        attendanceId: checkedIn.data!.checkInToActivity.id,
        activityId: id,
        residentId: resident('c'),
        communityId,
        confirmedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    expect(attendance.key).toBe(id);
    expect(attendance.headers['content-type']).toContain('application/cloudevents+json');
    expect(attendance.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(records[6]!.event.data).toMatchObject({ residentId: resident('c'), registrationId: checkedIn.data!.checkInToActivity.id });
  });

  it('never seats more residents than the capacity when many register at once', async () => {
    const id = await publishedActivity({ startsAt: minutesFromNow(60), endsAt: minutesFromNow(120), capacity: 4 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stack.query<Registered>(REGISTER, { activityId: id, residentId: resident(`crowd-${i}`) }, staff),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(12).fill(undefined));
    const statuses = results.map((r) => r.data!.registerForActivity.status);
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(8);
    const codes = results.map((r) => r.data!.registerForActivity.checkInCode).filter(Boolean);
    expect(new Set(codes).size).toBe(4);
    const positions = results.map((r) => r.data!.registerForActivity.waitlistPosition).filter((p) => p !== null);
    expect([...positions].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    expect((await stack.query(ACTIVITY, { id })).data?.activity).toMatchObject({ seatsTaken: 4, seatsLeft: 0, waitlistLength: 8 });
  });

  it('records residents who kept a seat but never came as no-shows when the activity is completed', async () => {
    const id = await publishedActivity({ startsAt: minutesFromNow(-10), endsAt: minutesFromNow(60), capacity: 10 });
    const came = await stack.query<Registered>(REGISTER, { activityId: id, residentId: resident('came') }, staff);
    await stack.query<Registered>(REGISTER, { activityId: id, residentId: resident('stayed-home') }, staff);
    await stack.query(CHECK_IN, { activityId: id, code: came.data!.registerForActivity.checkInCode }, staff);
    expect(errorOf(await stack.query(COMPLETE, { id }, await residentToken('came')))?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query<{ completeActivity: { status: string } }>(COMPLETE, { id }, staff)).data?.completeActivity.status).toBe(
      'COMPLETED',
    );
    const roster = await stack.query<{ activity: { registrations: { status: string; resident: { id: string } }[] } }>(
      ROSTER,
      { id },
      staff,
    );
    expect(roster.data?.activity.registrations.map((r) => [r.resident.id, r.status])).toEqual([
      [resident('came'), 'ATTENDED'],
      [resident('stayed-home'), 'NO_SHOW'],
    ]);
    const [completed] = await readEvents(
      TOPICS.ACTIVITIES_V1,
      (e) => e.subject === id && e.type === 'cn.sanshe.activities.activity.completed.v1',
    );
    expect(completed!.event.data).toMatchObject({ attended: 1, noShows: [{ residentId: resident('stayed-home') }] });
    expect(errorOf(await stack.query(REGISTER, { activityId: id, residentId: resident('late') }, staff))?.extensions?.code).toBe(
      'CONFLICT',
    );
  });
});
